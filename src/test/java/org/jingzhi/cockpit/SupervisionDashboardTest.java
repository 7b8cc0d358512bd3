package org.jingzhi.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.jingzhi.notice.Cause;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.notice.Notices;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard 「效能督查」 through the plugin's API, as Cockpit's front end calls it. */
@IntegrationTest
class SupervisionDashboardTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DASHBOARD = "/camunda/api/cockpit/plugin/jingzhi-supervision/default/dashboard";
  static final List<String> MONITORED = List.of("joint-approval", "escalation-chain", "escalation-level", "adjudication");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  Notices notices;

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void onlyOverseersSeeTheFigures() {
    EngineApi webapp = EngineApi.webapp(port);

    assertThat(webapp.get("supervisor", DASHBOARD).status()).isEqualTo(200);
    assertThat(webapp.get("city", DASHBOARD).status()).as("the command centre").isEqualTo(200);
    assertThat(webapp.get("demo", DASHBOARD).status()).as("an administrator").isEqualTo(200);
    for (String unit : List.of("market", "window", "hotline", "liuan", "hubin")) {
      Http.Response refused = webapp.get(unit, DASHBOARD);
      assertThat(refused.status()).as(unit).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("overdueTasks");
    }
    assertThat(new Http(port).get(null, DASHBOARD).status()).as("no login").isIn(401, 403);
  }

  /** Found in review: "static" in the engine's place is the webapps' open door for plugin assets. */
  @Test
  void theAssetDoorLeadsToAssetsOnly() {
    String dashboardAsAsset = "/camunda/api/cockpit/plugin/jingzhi-supervision/static/dashboard";

    assertThat(EngineApi.webapp(port).get("market", dashboardAsAsset).status()).isEqualTo(403);
    assertThat(new Http(port).get(null, dashboardAsAsset).status()).isEqualTo(403);
    assertThat(new Http(port).get(null, "/camunda/api/cockpit/plugin/jingzhi-supervision/static/app/plugin.js").body())
        .contains("jingzhi.supervision.dashboard");
  }

  /** An administrator may open Cockpit to any unit in Admin; the figures stay with the overseers. */
  @Test
  void cockpitAccessAloneDoesNotShowTheFigures() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization cockpit = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    cockpit.setUserId("shanqian");
    cockpit.setResource(Resources.APPLICATION);
    cockpit.setResourceId("cockpit");
    cockpit.addPermission(Permissions.ACCESS);
    authorizations.saveAuthorization(cockpit);
    try {
      Http.Response refused = EngineApi.webapp(port).get("shanqian", DASHBOARD);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.body()).contains("效能督查只对效能督查办、市城市运行指挥中心和管理员开放");
    } finally {
      authorizations.deleteAuthorization(cockpit.getId());
    }
  }

  @Test
  void casesAndEventsAreCountedByStatusAndWorkByItsDueDate() throws Exception {
    EngineApi webapp = EngineApi.webapp(port);
    Http http = new Http(port);
    JsonNode before = figures(webapp);

    String accepted = submit(http, "督查看板甲店");
    String waiting = submit(http, "督查看板乙店");
    String atWindow = submit(http, "督查看板丙店");
    completeOnly(accepted, Map.of("acceptance", "accepted", "opinion", "材料齐全"));
    completeOnly(waiting, Map.of("acceptance", "supplement", "missingMaterials", "房屋租赁合同"));
    String summoned = report(http, "督查看板：夜间噪声");
    String resolved = report(http, "督查看板：楼道堆物");
    report(http, "督查看板：广场舞噪声");
    completeOnly(levelOf(summoned), Map.of("action", "summon", "departments", "urban", "note", "请城管到场"));
    completeOnly(levelOf(resolved), Map.of("action", "resolve", "note", "已劝离"));
    notices.tellUnit(Cause.of(accepted, null), NoticeKind.REMINDER, "market", NoticeTemplate.REVIEW_REMINDER, Map.of("subject", "督查看板甲店"));
    JsonNode after = figures(webapp);

    assertThat(delta(before, after, "cases", "ACCEPTING")).isEqualTo(1);
    assertThat(delta(before, after, "cases", "WAITING_FOR_SUPPLEMENT")).isEqualTo(1);
    assertThat(delta(before, after, "cases", "REVIEWING")).isEqualTo(1);
    assertThat(delta(before, after, "cases", "ISSUING")).isZero();
    assertThat(delta(before, after, "events", "HANDLING")).isEqualTo(1);
    assertThat(delta(before, after, "events", "WAITING_FOR_REPORTS")).isEqualTo(1);
    assertThat(delta(before, after, "events", "RETURN_VISIT")).isEqualTo(1);
    assertThat(after.get("remindersToday").asLong() - before.get("remindersToday").asLong()).isEqualTo(1);
    assertThat(after.at("/cases/0/label").asText()).isEqualTo("窗口受理中");

    // an hour before the window's limit on the third case ends, its task is due within 24 hours
    Date windowDue = engine.getTaskService().createTaskQuery().processInstanceId(atWindow).singleResult().getDueDate();
    Date hourBefore = Date.from(windowDue.toInstant().minusSeconds(3600));
    Clock.set(hourBefore);
    JsonNode soon = figures(webapp);
    assertThat(soon.get("tasksDueSoon").asLong()).isEqualTo(openTasksDue(hourBefore, Date.from(hourBefore.toInstant().plusSeconds(24 * 3600))))
        .isPositive();

    // ten days on, the reviews (limits of 5 to 7 working days) and the window's task are overdue
    Date later = Date.from(windowDue.toInstant().plusSeconds(10 * 24 * 3600));
    Clock.set(later);
    JsonNode overdue = figures(webapp);
    assertThat(overdue.get("overdueTasks").asLong()).isEqualTo(openTasksDue(new Date(0), later)).isGreaterThanOrEqualTo(5);
    assertThat(overdue.get("tasksDueSoon").asLong()).isEqualTo(openTasksDue(later, Date.from(later.toInstant().plusSeconds(24 * 3600))));
    assertThat(overdue.get("openSupervisionCases").asLong())
        .isEqualTo(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("supervision").count());
  }

  /** Completes the only open task of a process instance, as the engine does for the unit's clerk. */
  private void completeOnly(String processInstanceId, Map<String, Object> variables) {
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(),
        variables);
  }

  private String levelOf(String eventInstanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(eventInstanceId).singleResult().getId();
  }

  private static String report(Http http, String description) throws Exception {
    Http.Response response = http.post("hotline", "/api/events", "{\"category\":\"noise\",\"description\":\"" + description + "\","
        + "\"communityCode\":\"990101001001\",\"address\":\"柳岸社区 1 号楼\",\"channel\":\"hotline\"}");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).get("processInstanceId").asText();
  }

  private long openTasksDue(Date from, Date to) {
    return engine.getTaskService().createTaskQuery().processDefinitionKeyIn(MONITORED.toArray(String[]::new))
        .dueAfter(new Date(from.getTime() - 1)).dueBefore(to).count();
  }

  private static long delta(JsonNode before, JsonNode after, String group, String status) {
    return count(after, group, status) - count(before, group, status);
  }

  private static long count(JsonNode figures, String group, String status) {
    for (JsonNode entry : figures.get(group)) {
      if (entry.get("status").asText().equals(status)) {
        return entry.get("count").asLong();
      }
    }
    throw new AssertionError("no status " + status + " in " + figures.get(group));
  }

  private static JsonNode figures(EngineApi webapp) throws Exception {
    Http.Response response = webapp.get("supervisor", DASHBOARD);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String submit(Http http, String projectName) throws Exception {
    Http.Response response = http.post("window", "/api/joint-approvals", "{\"matterType\":\"restaurant-opening\",\"projectName\":\""
        + projectName + "\",\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\"},"
        + "\"materials\":[\"营业执照申请书\"]}");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).get("processInstanceId").asText();
  }
}
