package org.jingzhi.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhi.escalation.EscalationDriver.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.support.Clock;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The chain through HTTP as the demo users work it: our API plus the engine REST API Tasklist uses. */
@IntegrationTest
class EscalationApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ProcessEngine engine;
  @LocalServerPort
  int port;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    engine.getIdentityService().clearAuthentication();
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void liuanSeesTheLiuanEventAndSonglinDoesNot() throws Exception {
    JsonNode event = report("hotline", "road-occupation", LIUAN, false);
    String eventNumber = event.get("eventNumber").asText();

    JsonNode liuanTasks = json(http.get("liuan", "/engine-rest/task?taskDefinitionKey=handle&processVariables=eventNumber_eq_" + eventNumber));
    assertThat(liuanTasks).hasSize(1);
    assertThat(liuanTasks.get(0).get("name").asText()).isEqualTo("柳岸社区处置：占道经营（柳岸路12号）");
    assertThat(json(http.get("songlin", "/engine-rest/task?taskDefinitionKey=handle&processVariables=eventNumber_eq_" + eventNumber)))
        .isEmpty();

    JsonNode view = json(http.get("liuan", "/api/events/" + eventNumber));
    assertThat(view.get("currentUnitName").asText()).isEqualTo("柳岸社区");
    assertThat(view.get("currentLevel").asText()).isEqualTo("community");
    assertThat(view.get("statusLabel").asText()).isEqualTo("处置中");
    assertThat(view.get("dueDate").asText()).isNotBlank();
    assertThat(http.get("songlin", "/api/events/" + eventNumber).status()).isEqualTo(404);
    assertThat(http.get("supervisor", "/api/events/" + eventNumber).status()).isEqualTo(200);
    assertThat(http.get(null, "/api/events/" + eventNumber).status()).isEqualTo(401);
  }

  @Test
  void afterTheCommunitysTimerFiresHubinGetsTheEvent() throws Exception {
    JsonNode event = report("liuan", "road-occupation", LIUAN, false);
    String eventNumber = event.get("eventNumber").asText();
    String processInstanceId = event.get("processInstanceId").asText();

    var timer = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
    Clock.set(new java.util.Date(timer.getDuedate().getTime() + 60_000));
    engine.getManagementService().executeJob(timer.getId());

    JsonNode hubinTasks = json(http.get("hubin", "/engine-rest/task?taskDefinitionKey=handle&processVariables=eventNumber_eq_" + eventNumber));
    assertThat(hubinTasks).hasSize(1);
    assertThat(hubinTasks.get(0).get("name").asText()).startsWith("湖滨街道处置");
    assertThat(json(http.get("liuan", "/engine-rest/task?taskDefinitionKey=handle&processVariables=eventNumber_eq_" + eventNumber))).isEmpty();

    JsonNode view = json(http.get("hubin", "/api/events/" + eventNumber));
    assertThat(view.get("levels")).hasSize(2);
    assertThat(view.get("levels").get(0).get("unitName").asText()).isEqualTo("柳岸社区");
    assertThat(view.get("levels").get(0).get("missed").asBoolean()).isTrue();
    assertThat(view.get("levels").get(0).get("closedReason").asText()).isEqualTo("超过本级处置时限，已上报上一级");
    assertThat(view.get("misses").get(0).get("unit").asText()).isEqualTo(LIUAN);
    assertThat(view.get("currentUnitName").asText()).isEqualTo("湖滨街道");
    assertThat(http.get("liuan", "/api/events/" + eventNumber).status()).as("liuan handled it").isEqualTo(200);
  }

  @Test
  void theReportingUnitFollowsTheEventItReported() throws Exception {
    String eventNumber = report("hotline", "noise", LIUAN, false).get("eventNumber").asText();

    Http.Response view = http.get("hotline", "/api/events/" + eventNumber);

    assertThat(view.status()).as(view.body()).isEqualTo(200);
    assertThat(json(view).get("eventNumber").asText()).isEqualTo(eventNumber);
    assertThat(http.get("hotline", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + eventNumber).body()).contains(eventNumber);
    assertThat(http.get("songlin", "/api/events/" + eventNumber).status()).as("not another community").isEqualTo(404);
  }

  @Test
  void summonedUrbanReportsOnSite() throws Exception {
    JsonNode event = report("hotline", "illegal-construction", LIUAN, false);
    String eventNumber = event.get("eventNumber").asText();
    String handle = json(http.get("hubin", "/engine-rest/task?taskDefinitionKey=handle&processVariables=eventNumber_eq_" + eventNumber))
        .get(0).get("id").asText();
    http.post("hubin", "/engine-rest/task/" + handle + "/claim", "{\"userId\":\"hubin\"}");
    assertThat(http.post("hubin", "/engine-rest/task/" + handle + "/complete", "{\"variables\":{\"action\":{\"value\":\"summon\"},"
        + "\"note\":{\"value\":\"请城管到场\"},\"departments\":{\"value\":\"urban\"}}}").status()).isEqualTo(204);

    JsonNode reports = json(http.get("urban", "/engine-rest/task?taskDefinitionKey=report&processVariables=eventNumber_eq_" + eventNumber));
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).get("name").asText()).isEqualTo("城市管理局报到：湖滨街道吹哨（违法建设）");
    String report = reports.get(0).get("id").asText();
    http.post("urban", "/engine-rest/task/" + report + "/claim", "{\"userId\":\"urban\"}");
    assertThat(http.post("urban", "/engine-rest/task/" + report + "/complete",
        "{\"variables\":{\"reportNote\":{\"value\":\"城管执法中队已到场\"}}}").status()).isEqualTo(204);

    JsonNode view = json(http.get("urban", "/api/events/" + eventNumber));
    JsonNode summons = view.get("summons").get(0);
    assertThat(summons.get("department").asText()).isEqualTo("urban");
    assertThat(summons.get("reportedBy").asText()).isEqualTo("urban");
    assertThat(summons.get("reportNote").asText()).isEqualTo("城管执法中队已到场");
    assertThat(summons.get("late").asBoolean()).isFalse();
    assertThat(view.get("statusLabel").asText()).as("the street goes on").isEqualTo("处置中");

    // found by the supervisors' dashboard: a resolved event showed 处置中 instead of waiting for its return visit
    String again = json(http.get("hubin", "/engine-rest/task?taskDefinitionKey=handle&processVariables=eventNumber_eq_" + eventNumber))
        .get(0).get("id").asText();
    assertThat(http.post("hubin", "/engine-rest/task/" + again + "/complete", "{\"variables\":{\"action\":{\"value\":\"resolve\"},"
        + "\"note\":{\"value\":\"违建已拆除\"}}}").status()).isEqualTo(204);
    JsonNode resolved = json(http.get("hubin", "/api/events/" + eventNumber));
    assertThat(resolved.get("status").asText()).isEqualTo("RETURN_VISIT");
    assertThat(resolved.get("statusLabel").asText()).isEqualTo("待回访");
  }

  /** Camunda's REST clients send a list as a Json variable; Tasklist sends the type of the variable it replaces. */
  @ParameterizedTest
  @ValueSource(strings = {"{\"type\":\"Json\",\"value\":\"[\\\"urban\\\",\\\"planning\\\"]\"}",
      "{\"type\":\"Object\",\"value\":\"[\\\"urban\\\",\\\"planning\\\"]\",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\","
          + "\"serializationDataFormat\":\"application/json\"}}", "{\"value\":[\"urban\",\"planning\"]}"})
  void summonedDepartmentsMayComeAsAJsonList(String departments) throws Exception {
    JsonNode event = report("hotline", "illegal-construction", LIUAN, false);
    String eventNumber = event.get("eventNumber").asText();
    String handle = json(http.get("hubin", "/engine-rest/task?taskDefinitionKey=handle&processVariables=eventNumber_eq_" + eventNumber))
        .get(0).get("id").asText();
    http.post("hubin", "/engine-rest/task/" + handle + "/claim", "{\"userId\":\"hubin\"}");

    Http.Response summoned = http.post("hubin", "/engine-rest/task/" + handle + "/complete", "{\"variables\":{\"action\":{\"value\":\"summon\"},"
        + "\"note\":{\"value\":\"请城管和规划到场\"},\"departments\":" + departments + "}}");

    assertThat(summoned.status()).as(summoned.body()).isEqualTo(204);
    assertThat(json(http.get("urban", "/engine-rest/task?taskDefinitionKey=report&processVariables=eventNumber_eq_" + eventNumber))).hasSize(1);
    assertThat(json(http.get("planning", "/engine-rest/task?taskDefinitionKey=report&processVariables=eventNumber_eq_" + eventNumber))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"category\":\"ufo-sighting\",\"description\":\"x\",\"communityCode\":\"990101001001\",\"address\":\"a\",\"channel\":\"hotline\"}",
      "{\"category\":\"noise\",\"description\":\"x\",\"communityCode\":\"990199999999\",\"address\":\"a\",\"channel\":\"hotline\"}",
      "{\"category\":\"noise\",\"description\":\"x\",\"communityCode\":\"990101001000\",\"address\":\"a\",\"channel\":\"hotline\"}",
      "{\"category\":\"noise\",\"description\":\"  \",\"communityCode\":\"990101001001\",\"address\":\"a\",\"channel\":\"hotline\"}",
      "{\"category\":\"noise\",\"communityCode\":\"990101001001\",\"address\":\"a\",\"channel\":\"hotline\"}",
      "{\"category\":\"noise\",\"description\":\"x\",\"communityCode\":\"990101001001\",\"address\":\"a\",\"channel\":\"pigeon\"}",
      "{\"category\":\"noise\",\"description\":\"x\",\"communityCode\":\"990101001001\",\"address\":\"a\",\"channel\":\"hotline\",\"reporter\":{\"phone\":\"123\"}}",
      "{\"category\":\"noise\",\"description\":",
      "[]"})
  void badReportsAreRefusedWithAMessageAndCreateNothing(String body) throws Exception {
    long before = events();

    Http.Response response = http.post("hotline", "/api/events", body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).isNotBlank();
    assertThat(events()).isEqualTo(before);
  }

  @Test
  void oversizedTextIsRefused() throws Exception {
    long before = events();
    String body = "{\"category\":\"noise\",\"description\":\"" + "噪".repeat(4001) + "\",\"communityCode\":\"990101001001\","
        + "\"address\":\"a\",\"channel\":\"hotline\"}";

    Http.Response response = http.post("hotline", "/api/events", body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("4000");
    assertThat(events()).isEqualTo(before);
    assertThat(http.post("hotline", "/api/events", body.replace("噪".repeat(4001), "噪".repeat(4000))).status()).isEqualTo(201);
  }

  @Test
  void onlyIntakeUnitsReport() {
    String body = "{\"category\":\"noise\",\"description\":\"x\",\"communityCode\":\"990101001001\",\"address\":\"a\",\"channel\":\"grid\"}";

    assertThat(http.post("market", "/api/events", body).status()).isEqualTo(403);
    assertThat(http.post(null, "/api/events", body).status()).isEqualTo(401);
    assertThat(http.post("window", "/api/events", body).status()).isEqualTo(201);
    assertThat(http.post("liuan", "/api/events", body).status()).as("a grid worker").isEqualTo(201);
  }

  private JsonNode report(String user, String category, String community, boolean urgent) throws Exception {
    Http.Response response = http.post(user, "/api/events", "{\"category\":\"" + category + "\",\"description\":\"柳岸路菜市场门口长期占道经营\","
        + "\"communityCode\":\"" + community + "\",\"address\":\"柳岸路12号\",\"reporter\":{\"name\":\"李女士\",\"phone\":\"13900139000\"},"
        + "\"channel\":\"hotline\",\"urgent\":" + urgent + "}");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return json(response);
  }

  private long events() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("escalation-chain").count();
  }

  private static JsonNode json(Http.Response response) throws Exception {
    return JSON.readTree(response.body());
  }
}
