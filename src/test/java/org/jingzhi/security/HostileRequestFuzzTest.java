package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.TestBeans.Canary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed and hostile requests, generated from the families found on the first landed build
 * (issue 8, finding 6) and sent through {@code /api/**}, the engine REST API and the webapps' engine
 * API as logged-in demo users: none may answer 5xx or show a stack trace, SQL or a Java class name,
 * no expression may be evaluated, and no table may gain or lose a row.
 */
@IntegrationTest
class HostileRequestFuzzTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String EXPRESSION = "${canary.hit()}";
  static final Pattern INTERNALS = Pattern.compile(
      "\\b(?:java|javax|jakarta|org|com)\\.[a-z0-9_]+\\.[\\w.$]+|###|\\bSQL|\\n\\s*at\\s|Exception:");
  static final List<String> HOSTILE_TEXT = List.of("\\\\", "\\u0000", "%", "_", "'", "\\\"", EXPRESSION, "#{canary.hit()}", "长".repeat(5000),
      "\\ud800", "<script>alert(1)</script>", "' OR 1=1 --");
  static final List<String> HOSTILE_QUERY = List.of("%5C", "%00", "%25", "-1", "-2147483648", "99999999999", "9999999-01-01T00:00:00.000%2B0000",
      "2026-13-45T99:99:99.000%2B0000", URLEncoder.encode(EXPRESSION, StandardCharsets.UTF_8), "%E0%A4", "%FF%FE", "x_eq_%00", "a_like_%5C");
  static final List<String> HOSTILE_VARIABLES = List.of(
      "{\"type\":\"Xml\",\"value\":\"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>\"}",
      "{\"type\":\"Xml\",\"value\":\"<unclosed\"}",
      "{\"type\":\"Object\",\"value\":\"{}\",\"valueInfo\":{\"objectTypeName\":\"java.lang.ProcessBuilder\",\"serializationDataFormat\":\"application/json\"}}",
      "{\"type\":\"Object\",\"value\":\"rO0ABXQAAXg=\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}",
      "{\"type\":\"Object\",\"value\":\"{}\"}",
      "{\"type\":\"Object\",\"value\":\"{}\",\"valueInfo\":{\"objectTypeName\":\"java.util.LinkedHashMap\"}}",
      "{\"type\":\"Object\",\"value\":\"not json\",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\",\"serializationDataFormat\":\"application/json\"}}",
      "{\"type\":\"Json\",\"value\":\"{broken\"}",
      "{\"type\":\"Bytes\",\"value\":\"AAAA\"}",
      "{\"type\":\"File\",\"value\":\"AAAA\",\"valueInfo\":{\"filename\":\"x.sh\"}}",
      "{\"type\":\"Date\",\"value\":\"yesterday\"}",
      "{\"type\":\"Date\",\"value\":\"9999999-01-01T00:00:00.000+0000\"}",
      "{\"type\":\"Integer\",\"value\":\"many\"}",
      "{\"type\":\"Long\",\"value\":1e400}",
      "{\"type\":\"NoSuchType\",\"value\":\"x\"}",
      "{\"value\":{\"nested\":{\"deeper\":[1,2,3]}}}",
      "{\"type\":\"String\",\"value\":\"\\u0000\"}",
      "{\"type\":\"Null\",\"value\":\"[\\\"fire\\\"]\"}",
      "{\"type\":\"Null\",\"value\":\"{\\\"a\\\":{\\\"b\\\":1}}\"}",
      "{\"type\":\"Null\",\"value\":\"" + EXPRESSION + "\"}",
      "{\"type\":\"String\",\"value\":\"" + EXPRESSION + "\"}");
  static final List<String> HOSTILE_BODIES = List.of("null", "\"text\"", "123", "[]", "[null]", "{\"sorting\":[null]}",
      "{\"variables\":null}", "{\"variables\":[]}", "{\"variables\":{\"x\":null}}", "{", "{\"a\":\"\\u0000\"}", "[".repeat(1001) + "]".repeat(1001),
      "{\"a\":" + "{\"a\":".repeat(1000) + "1" + "}".repeat(1001), "{\"orQueries\":[{\"assigneeExpression\":\"" + EXPRESSION + "\"}]}",
      "{\"orQueries\":[null]}", "{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}",
      "{\"dueAfter\":\"9999999-01-01T00:00:00.000+0000\"}", "{\"nameLike\":\"\\\\\"}", "{\"name\":\"\\u0000\"}",
      "{\"candidateGroups\":[\"\\u0000\"]}", "{\"sorting\":[{\"sortBy\":\"nonsense\",\"sortOrder\":\"sideways\"}]}",
      "{\"processVariables\":[{\"name\":\"\\u0000\",\"operator\":\"like\",\"value\":\"\\\\\"}]}");

  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;
  @Autowired
  Canary canary;
  @LocalServerPort
  int port;

  @Test
  void noHostileRequestGets5xxShowsInternalsEvaluatesAnExpressionOrWritesARow() throws Exception {
    Http http = new Http(port);
    Http.Response submitted = http.post("window", "/api/joint-approvals", "{\"matterType\":\"restaurant-opening\",\"projectName\":\"模糊测试餐饮店\","
        + "\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\"},\"materials\":[\"营业执照申请书\"]}");
    JsonNode submission = JSON.readTree(submitted.body());
    String processInstanceId = submission.get("processInstanceId").asText();
    String caseNumber = submission.get("caseNumber").asText();
    String windowTask = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    http.post("window", "/engine-rest/task/" + windowTask + "/claim", "{\"userId\":\"window\"}");
    String filterId = engine.getFilterService().createFilterQuery().filterName("本单位待办").singleResult().getId();
    EngineApi rest = EngineApi.rest(port);
    EngineApi webapp = EngineApi.webapp(port);
    webapp.get("window", "/task/count");
    canary.reset();

    List<Request> requests = new ArrayList<>();
    for (EngineApi door : List.of(rest, webapp)) {
      requests.addAll(engineRequests(door, windowTask, processInstanceId, filterId));
    }
    requests.addAll(apiRequests(http, caseNumber));
    assertThat(requests).hasSizeGreaterThanOrEqualTo(1000);

    Map<String, Long> rowsBefore = rowCounts();
    List<String> failures = new ArrayList<>();
    int answered4xx = 0;
    for (Request request : requests) {
      Http.Response response = request.send();
      if (response.status() >= 500 || INTERNALS.matcher(response.body()).find()) {
        failures.add(request + " → " + response.status() + " " + abbreviate(response.body()));
      }
      if (response.status() >= 400) {
        answered4xx++;
        if (!saysWhy(response.body())) {
          failures.add(request + " → " + response.status() + " without a message: " + abbreviate(response.body()));
        }
      }
    }
    Map<String, Long> rowsAfter = rowCounts();

    assertThat(failures).as("answers with 5xx, internals, or a refusal that does not say why").isEmpty();
    assertThat(canary.hits()).as("expressions evaluated").isZero();
    assertThat(rowsAfter).as("rows written by refused requests").isEqualTo(rowsBefore);
    assertThat(engine.getTaskService().createTaskQuery().taskId(windowTask).count()).as("the window's task is still open").isOne();
    assertThat(engine.getRuntimeService().getVariable(processInstanceId, "caseNumber")).isEqualTo(caseNumber);
    System.out.println("Fuzz: " + requests.size() + " hostile requests, " + answered4xx + " refused with 4xx, the rest read nothing they should not;"
        + " no 5xx, no internals, no expression, no row written");
  }

  /** A refusal names its reason: a JSON answer with a non-blank {@code message}, as the engine, the shield, our API and Tomcat's give. */
  private static boolean saysWhy(String body) {
    try {
      JsonNode answer = JSON.readTree(body);
      return answer != null && !answer.path("message").asText().isBlank();
    } catch (Exception notJson) {
      return false;
    }
  }

  private List<Request> engineRequests(EngineApi door, String taskId, String processInstanceId, String filterId) {
    List<Request> requests = new ArrayList<>();
    for (String value : HOSTILE_QUERY) {
      for (String param : List.of("nameLike", "name", "assignee", "candidateGroup", "processInstanceBusinessKeyLike", "dueAfter", "firstResult",
          "maxResults", "sortBy", "processVariables", "assigneeExpression", "createdBefore")) {
        requests.add(new Request(door, "window", "GET", "/task?" + param + "=" + value + (param.equals("sortBy") ? "&sortOrder=asc" : ""), null));
      }
      for (String param : List.of("businessKeyLike", "variables", "firstResult", "maxResults")) {
        requests.add(new Request(door, "window", "GET", "/process-instance?" + param + "=" + value, null));
      }
      for (String param : List.of("processInstanceBusinessKeyLike", "startedAfter", "maxResults")) {
        requests.add(new Request(door, "window", "GET", "/history/process-instance?" + param + "=" + value, null));
      }
      requests.add(new Request(door, "window", "GET", "/task/count?nameLike=" + value, null));
      requests.add(new Request(door, "window", "GET", "/history/task?taskNameLike=" + value, null));
      requests.add(new Request(door, "window", "GET", "/variable-instance?variableName=" + value, null));
      requests.add(new Request(door, "window", "GET", "/task/" + value + "/form-variables", null));
    }
    for (String body : HOSTILE_BODIES) {
      requests.add(new Request(door, "window", "POST", "/task", body));
      requests.add(new Request(door, "window", "POST", "/task/count", body));
      requests.add(new Request(door, "window", "POST", "/filter/" + filterId + "/list", body));
      requests.add(new Request(door, "window", "POST", "/process-instance", body));
      requests.add(new Request(door, "window", "POST", "/task/" + taskId + "/complete", body));
      requests.add(new Request(door, "window", "POST", "/task/" + taskId + "/submit-form", body));
      requests.add(new Request(door, "window", "POST", "/task/" + taskId + "/comment/create", body));
      requests.add(new Request(door, "window", "POST", "/process-definition/key/joint-approval/start", body));
      requests.add(new Request(door, "window", "POST", "/process-definition/key/joint-approval/submit-form", body));
      requests.add(new Request(door, "window", "POST", "/message", body));
      requests.add(new Request(door, "window", "PUT", "/task/" + taskId + "/variables/acceptance", body));
    }
    for (String variable : HOSTILE_VARIABLES) {
      for (String name : List.of("acceptance", "opinion", "missingMaterials", "caseNumber", "review_fire", "\\u0000", "x".repeat(300))) {
        requests.add(new Request(door, "window", "POST", "/task/" + taskId + "/complete", "{\"variables\":{\"" + name + "\":" + variable + "}}"));
      }
      requests.add(new Request(door, "window", "POST", "/task/" + taskId + "/submit-form", "{\"variables\":{\"opinion\":" + variable + "}}"));
      requests.add(new Request(door, "window", "PUT", "/task/" + taskId + "/variables/opinion", variable));
      requests.add(new Request(door, "window", "POST", "/process-definition/key/joint-approval/start", "{\"variables\":{\"matterType\":" + variable + "}}"));
      requests.add(new Request(door, "window", "POST", "/process-definition/key/joint-approval/submit-form",
          "{\"variables\":{\"projectName\":" + variable + "}}"));
      requests.add(new Request(door, "hotline", "POST", "/process-definition/key/escalation-chain/start", "{\"variables\":{\"category\":" + variable + "}}"));
    }
    for (String text : HOSTILE_TEXT) {
      String start = "{\"variables\":{\"matterType\":{\"value\":\"" + text + "\"},\"projectName\":{\"value\":\"" + text + "\"},"
          + "\"applicantName\":{\"value\":\"" + text + "\"},\"applicantPhone\":{\"value\":\"" + text + "\"},\"materials\":{\"value\":\"" + text + "\"}}}";
      requests.add(new Request(door, "window", "POST", "/process-definition/key/joint-approval/start", start));
      requests.add(new Request(door, "window", "POST", "/process-definition/key/joint-approval/submit-form", start));
      requests.add(new Request(door, "hotline", "POST", "/process-definition/key/escalation-chain/start",
          "{\"variables\":{\"category\":{\"value\":\"" + text + "\"},\"description\":{\"value\":\"" + text + "\"},\"communityCode\":{\"value\":\"" + text + "\"}}}"));
      requests.add(new Request(door, "window", "POST", "/task/" + taskId + "/complete",
          "{\"variables\":{\"acceptance\":{\"value\":\"" + text + "\"},\"opinion\":{\"value\":\"" + text + "\"}}}"));
      requests.add(new Request(door, "window", "POST", "/task/" + taskId + "/comment/create", "{\"message\":\"" + text.repeat(text.length() > 100 ? 1 : 0) + "\"}"));
      requests.add(new Request(door, "window", "POST", "/task", "{\"nameLike\":\"" + text + "\",\"processInstanceBusinessKeyLike\":\"" + text + "\"}"));
      requests.add(new Request(door, "window", "POST", "/process-instance", "{\"businessKeyLike\":\"" + text + "\"}"));
    }
    for (String unknown : List.of("no-such-task", "00000000-0000-0000-0000-000000000000", "%2E%2E", "x'y", "%00")) {
      requests.add(new Request(door, "window", "POST", "/task/" + unknown + "/complete", "{}"));
      requests.add(new Request(door, "window", "POST", "/task/" + unknown + "/submit-form", "{}"));
      requests.add(new Request(door, "window", "POST", "/task/" + unknown + "/claim", "{\"userId\":\"window\"}"));
      requests.add(new Request(door, "window", "GET", "/task/" + unknown + "/variables", null));
      requests.add(new Request(door, "window", "GET", "/process-instance/" + unknown + "/variables", null));
      requests.add(new Request(door, "window", "POST", "/process-definition/key/" + unknown + "/start", "{}"));
      requests.add(new Request(door, "window", "POST", "/process-instance/" + processInstanceId + "/modification",
          "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"" + unknown + "\"}]}"));
    }
    return requests;
  }

  private List<Request> apiRequests(Http http, String caseNumber) {
    List<Request> requests = new ArrayList<>();
    for (String value : HOSTILE_QUERY) {
      requests.add(new Request(http, "window", "GET", "/api/calendar/deadline?start=" + value + "&workingDays=3", null));
      requests.add(new Request(http, "window", "GET", "/api/calendar/deadline?start=2026-02-12&workingDays=" + value, null));
      requests.add(new Request(http, "supervisor", "GET", "/api/rates?from=" + value + "&to=2026-11-30", null));
      requests.add(new Request(http, "supervisor", "GET", "/api/rates?from=2026-11-01&to=2026-11-30&groupBy=" + value, null));
      requests.add(new Request(http, "window", "GET", "/api/joint-approvals/" + value, null));
      requests.add(new Request(http, "hotline", "GET", "/api/events/" + value, null));
      requests.add(new Request(http, "window", "GET", "/api/organization/units/" + value, null));
      requests.add(new Request(http, null, "GET", "/api/public/cases/" + caseNumber + "?queryCode=" + value, null));
    }
    for (String date : List.of("+999999999-01-01", "-999999999-01-01", "0000-01-01", "9999-12-31", "2026-02-30", "20260212")) {
      requests.add(new Request(http, "window", "GET", "/api/calendar/deadline?start=" + URLEncoder.encode(date, StandardCharsets.UTF_8) + "&workingDays=3", null));
    }
    for (String body : HOSTILE_BODIES) {
      requests.add(new Request(http, "window", "POST", "/api/joint-approvals", body));
      requests.add(new Request(http, "window", "POST", "/api/joint-approvals/" + caseNumber + "/supplements", body));
      requests.add(new Request(http, "hotline", "POST", "/api/events", body));
    }
    for (String text : HOSTILE_TEXT) {
      requests.add(new Request(http, "window", "POST", "/api/joint-approvals", "{\"matterType\":\"" + text + "\",\"projectName\":\"" + text
          + "\",\"applicant\":{\"name\":\"" + text + "\",\"phone\":\"" + text + "\"},\"materials\":[\"" + text + "\"]}"));
      requests.add(new Request(http, "hotline", "POST", "/api/events", "{\"category\":\"" + text + "\",\"description\":\"" + text
          + "\",\"communityCode\":\"" + text + "\",\"channel\":\"" + text + "\",\"reporter\":{\"phone\":\"" + text + "\"}}"));
      requests.add(new Request(http, "window", "POST", "/api/joint-approvals/" + caseNumber + "/supplements",
          "{\"materials\":[\"" + text + "\"],\"note\":\"" + text + "\"}"));
    }
    return requests;
  }

  private Map<String, Long> rowCounts() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> tables = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); ResultSet result = metaTables(connection.getMetaData(), connection.getSchema())) {
      while (result.next()) {
        String table = result.getString("TABLE_NAME");
        if (table.toUpperCase().startsWith("ACT_") || table.toUpperCase().startsWith("JZ_")) {
          tables.add(table);
        }
      }
    }
    Map<String, Long> counts = new TreeMap<>();
    for (String table : tables) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\"", Long.class));
    }
    return counts;
  }

  private static ResultSet metaTables(DatabaseMetaData meta, String schema) throws Exception {
    return meta.getTables(null, schema, "%", new String[] {"TABLE"});
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  /** One request through one door, as one user. */
  private record Request(Object door, String user, String method, String path, String body) {

    Http.Response send() {
      if (door instanceof EngineApi api) {
        return api.send(user, method, path, body);
      }
      Http http = (Http) door;
      return http.send(http.request(user, path).header("Content-Type", "application/json").method(method,
          body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
      return door + " " + user + " " + method + " " + path + (body == null ? "" : " " + (body.length() > 120 ? body.substring(0, 120) + "…" : body));
    }
  }
}
