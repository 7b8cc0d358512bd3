package org.jingzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.TaskService;
import org.jingzhi.notice.Cause;
import org.jingzhi.notice.NoticeDispatcher;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.notice.Notices;
import org.jingzhi.notice.Person;
import org.jingzhi.responsibility.PrecedentRules;
import org.jingzhi.responsibility.Precedents;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.NotificationStubs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description an integrator reads: complete, behind the same login as the API, and with
 * examples that work as written for the demo user each operation names.
 */
@IntegrationTest
class ApiDocumentationTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DOCS = "/api/docs/openapi.json";

  @LocalServerPort
  int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired
  TaskService taskService;
  @Autowired
  NoticeDispatcher dispatcher;
  @Autowired
  Notices notices;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Precedents precedents;
  @Autowired
  PrecedentRules precedentRules;

  @Test
  void theDescriptionAndItsUiNeedALoginLikeTheApi() {
    Http http = new Http(port);

    assertThat(http.get(null, DOCS).status()).isEqualTo(401);
    assertThat(http.get(null, "/api/docs").status()).isEqualTo(401);
    assertThat(http.get(null, "/api/swagger-ui/index.html").status()).isEqualTo(401);
    assertThat(http.get(null, "/v3/api-docs").status()).as("no second, open copy").isEqualTo(404);
    assertThat(http.get(null, "/swagger-ui/index.html").status()).isEqualTo(404);

    Http.Response ui = http.get("market", "/api/docs");
    assertThat(ui.status()).isEqualTo(302);
    assertThat(ui.raw().headers().firstValue("Location")).hasValue("/api/swagger-ui/index.html");
    assertThat(http.get("market", "/api/swagger-ui/index.html").body()).contains("swagger-ui");
    assertThat(http.get("market", "/api/swagger-ui/swagger-initializer.js").body()).contains(DOCS + "/swagger-config");
    assertThat(http.get("market", DOCS + "/swagger-config").body()).contains("\"url\":\"" + DOCS + "\"");
  }

  @Test
  void everyOperationOfTheApiIsDescribedWithItsLoginAndErrors() throws Exception {
    JsonNode docs = docs();

    Set<String> described = new TreeSet<>();
    docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
        described.add(operation.getKey().toUpperCase() + " " + path.getKey())));
    assertThat(described).isEqualTo(controllerOperations());
    assertThat(docs.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(docs.at("/security/0").has("basic")).isTrue();

    forEachOperation(docs, (path, method, operation) -> {
      String name = method + " " + path;
      assertThat(operation.path("summary").asText()).as(name).isNotBlank();
      assertThat(operation.path("tags")).as(name).isNotEmpty();
      boolean open = path.startsWith("/api/public/");
      assertThat(operation.has("security") && operation.get("security").isEmpty()).as(name + " is open").isEqualTo(open);
      assertThat(operation.at("/responses").has("401")).as(name + " answers 401").isEqualTo(!open);
      operation.get("responses").fields().forEachRemaining(response -> {
        if (response.getKey().startsWith("4")) {
          assertThat(response.getValue().at("/content/application~1json/schema/$ref").asText()).as(name + " " + response.getKey())
              .isEqualTo("#/components/schemas/ApiError");
        }
      });
      if (!open) {
        assertThat(operation.path("x-demo-user").asText()).as(name + " names its demo user").isNotBlank();
      }
    });
    assertThat(docs.at("/components/schemas/EventRequest/properties/channel/enum").toString())
        .isEqualTo("[\"hotline\",\"grid\",\"app\",\"open311\"]");
    assertThat(docs.at("/paths/~1api~1rates/get/parameters/2/schema/enum").toString())
        .isEqualTo("[\"unit\",\"level\",\"category\",\"department\"]");
  }

  /**
   * Every operation run with its examples as its demo user. Case and event numbers, and the query
   * code, are what the submissions answered; the supplement is posted once the window asked for one. A precedent
   * exists to be superseded (as a ruling would have made it); the rest works on its successor, revoked last or not.
   */
  @Test
  void theExamplesWorkAsWritten() throws Exception {
    JsonNode docs = docs();
    Http http = new Http(port);
    Map<String, String> fromAnswers = new HashMap<>();

    JsonNode caseSubmitted = run(http, docs, "/api/joint-approvals", "post", fromAnswers);
    fromAnswers.put("caseNumber", caseSubmitted.get("caseNumber").asText());
    fromAnswers.put("queryCode", caseSubmitted.get("queryCode").asText());
    JsonNode eventReported = run(http, docs, "/api/events", "post", fromAnswers);
    fromAnswers.put("eventNumber", eventReported.get("eventNumber").asText());
    askForASupplement(caseSubmitted.get("processInstanceId").asText());

    fromAnswers.put("number", precedents.create(precedentRules.checked("illegal-construction", List.of("阳光房"), "990101001000", null,
        "planning"), "楼顶加建阳光房由规划局查处", eventReported.get("eventNumber").asText(), "adjudicator"));
    fromAnswers.put("number", run(http, docs, "/api/precedents/{number}/supersede", "post", fromAnswers).get("number").asText());

    // a fictional year's schedule is loaded before it is read and withdrawn
    run(http, docs, "/api/calendar/schedules/{year}", "put", fromAnswers);
    // an extension is asked for a case in review (the first one waits for a supplement)
    JsonNode inReview = run(http, docs, "/api/joint-approvals", "post", new HashMap<>());
    accept(inReview.get("processInstanceId").asText());
    run(http, docs, "/api/joint-approvals/{caseNumber}/extensions", "post", Map.of("caseNumber", inReview.get("caseNumber").asText()));
    JsonNode excluded = run(http, docs, "/api/joint-approvals/{caseNumber}/excluded-periods", "post",
        Map.of("caseNumber", inReview.get("caseNumber").asText()));
    run(http, docs, "/api/joint-approvals/{caseNumber}/excluded-periods/{id}/end", "post",
        Map.of("caseNumber", inReview.get("caseNumber").asText(), "id", excluded.get("id").asText()));

    // the reporter's own return visit: an event resolved, and the link its SMS carried
    JsonNode resolvedEvent = run(http, docs, "/api/events", "post", new HashMap<>());
    String resolvedNumber = resolvedEvent.get("eventNumber").asText();
    taskService.complete(taskService.createTaskQuery().processVariableValueEquals("eventNumber", resolvedNumber).taskDefinitionKey("handle")
        .singleResult().getId(), Map.of("action", "resolve", "note", "已处理"));
    dispatcher.dispatchDue();
    String link = NotificationStubs.SMS.accepted().stream().filter(sms -> resolvedNumber.equals(sms.parameters().get("eventNumber"))
        && sms.parameters().containsKey("link")).findFirst().orElseThrow().parameters().get("link");
    Map<String, String> visit = Map.of("token", link.substring(link.indexOf('#') + 1));
    run(http, docs, "/api/public/return-visits/{token}", "get", visit);
    run(http, docs, "/api/public/return-visits/{token}", "post", visit);

    // a notice given up, retried by the supervision office; a notice to the office, read
    long givenUp = notices.tellPerson(Cause.of("docs", "DOCS-1"), NoticeKind.EVENT, Person.reporter("13700000000"),
        NoticeTemplate.EVENT_REGISTERED, Map.of("categoryName", "噪声扰民", "eventNumber", "DOCS-1")).get(0).id();
    jdbc.update("UPDATE jz_notice SET status = 'GIVEN_UP' WHERE id = ?", givenUp);
    run(http, docs, "/api/notices/{id}/retry", "post", Map.of("id", String.valueOf(givenUp)));
    long toOffice = notices.tellUnit(Cause.of("docs", "DOCS-1"), NoticeKind.SUPERVISION, "supervision", NoticeTemplate.RULING_REMINDER,
        Map.of("subject", "示例")).get(0).id();
    run(http, docs, "/api/notices/{id}/read", "post", Map.of("id", String.valueOf(toOffice)));

    List<String> ran = new ArrayList<>(List.of("post /api/notices/{id}/retry", "post /api/notices/{id}/read",
        "get /api/public/return-visits/{token}", "post /api/public/return-visits/{token}",
        "post /api/joint-approvals", "post /api/events", "post /api/precedents/{number}/supersede",
        "put /api/calendar/schedules/{year}", "post /api/joint-approvals/{caseNumber}/extensions",
        "post /api/joint-approvals/{caseNumber}/excluded-periods", "post /api/joint-approvals/{caseNumber}/excluded-periods/{id}/end"));
    forEachOperation(docs, (path, method, operation) -> {
      if (!ran.contains(method + " " + path)) {
        run(http, docs, path, method, fromAnswers);
        ran.add(method + " " + path);
      }
    });
    assertThat(ran).hasSize(controllerOperations().size());
  }

  private JsonNode run(Http http, JsonNode docs, String path, String method, Map<String, String> fromAnswers) throws Exception {
    JsonNode operation = docs.at("/paths/" + path.replace("/", "~1") + "/" + method);
    String target = path;
    List<String> query = new ArrayList<>();
    for (JsonNode parameter : operation.path("parameters")) {
      String name = parameter.get("name").asText();
      String value = fromAnswers.getOrDefault(name, parameter.path("example").asText(null));
      if (value == null) {
        continue;
      }
      if (parameter.get("in").asText().equals("path")) {
        target = target.replace("{" + name + "}", value);
      } else {
        query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    target += query.isEmpty() ? "" : "?" + String.join("&", query);
    String user = operation.path("x-demo-user").asText(null);
    List<JsonNode> bodies = new ArrayList<>();
    JsonNode body = operation.at("/requestBody/content/application~1json");
    for (JsonNode example : body.path("examples")) {
      bodies.add(example.get("value"));
    }
    if (bodies.isEmpty() && !body.isMissingNode()) {
      bodies.add(example(docs, body.get("schema")));
    }
    JsonNode answer = null;
    for (JsonNode requestBody : bodies.isEmpty() ? List.<JsonNode>of(JsonNodeFactory.instance.nullNode()) : bodies) {
      Http.Response response = switch (method) {
        case "put" -> http.send(http.request(user, target).header("Content-Type", "application/yaml").PUT(HttpRequest.BodyPublishers
            .ofString(operation.at("/requestBody/content/application~1yaml/examples").elements().next().get("value").asText(),
                StandardCharsets.UTF_8)));
        case "delete" -> http.delete(user, target);
        case "post" -> http.post(user, target, requestBody.isNull() ? "" : requestBody.toString());
        default -> http.get(user, target);
      };
      assertThat(String.valueOf(response.status())).as(method + " " + target + " as " + user + ": " + response.body()).isEqualTo(success(operation));
      boolean json = response.raw().headers().firstValue("Content-Type").orElse("").contains("json");
      answer = answer == null && json ? JSON.readTree(response.body()) : answer;
    }
    return answer;
  }

  private static String success(JsonNode operation) {
    String success = null;
    for (Iterator<String> codes = operation.get("responses").fieldNames(); success == null && codes.hasNext(); ) {
      String code = codes.next();
      success = code.startsWith("2") ? code : null;
    }
    return success;
  }

  /**
   * The request body Swagger UI's "Try it out" fills in when the operation gives no example of its
   * own: each property's example, or Swagger UI's placeholder ("string", 0, true).
   */
  private static JsonNode example(JsonNode docs, JsonNode schema) {
    if (schema.has("$ref")) {
      return example(docs, docs.at(schema.get("$ref").asText().substring(1)));
    }
    if (schema.has("example")) {
      return schema.get("example");
    }
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (schema.has("properties")) {
      ObjectNode object = nodes.objectNode();
      schema.get("properties").fields().forEachRemaining(property -> object.set(property.getKey(), example(docs, property.getValue())));
      return object;
    }
    String type = schema.path("type").isArray() ? schema.get("type").get(0).asText() : schema.path("type").asText("string");
    return switch (type) {
      case "array" -> nodes.arrayNode().add(example(docs, schema.path("items")));
      case "integer", "number" -> nodes.numberNode(0);
      case "boolean" -> nodes.booleanNode(true);
      default -> nodes.textNode("string");
    };
  }

  private void accept(String processInstanceId) {
    String taskId = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    taskService.complete(taskId, Map.of("acceptance", "accepted", "opinion", "材料齐全"));
  }

  private void askForASupplement(String processInstanceId) {
    String taskId = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    taskService.complete(taskId, Map.of("acceptance", "supplement", "missingMaterials", "消防设计图纸"));
  }

  private JsonNode docs() throws Exception {
    Http.Response response = new Http(port).get("window", DOCS);
    assertThat(response.status()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private Set<String> controllerOperations() {
    Set<String> operations = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      if (handler.getBeanType().getPackageName().startsWith("org.jingzhi")) {
        info.getPatternValues().forEach(pattern -> info.getMethodsCondition().getMethods().forEach(verb -> operations.add(verb.name() + " " + pattern)));
      }
    });
    return operations;
  }

  interface OperationCheck {
    void check(String path, String method, JsonNode operation) throws Exception;
  }

  private static void forEachOperation(JsonNode docs, OperationCheck check) throws Exception {
    for (Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
        Map.Entry<String, JsonNode> operation = operations.next();
        check.check(path.getKey(), operation.getKey(), operation.getValue());
      }
    }
  }
}
