package org.jingzhi.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.jingzhi.escalation.EscalationDriver.HETANG;
import static org.jingzhi.escalation.EscalationDriver.HUBIN;
import static org.jingzhi.escalation.EscalationDriver.LIUAN;
import static org.jingzhi.escalation.EscalationDriver.SONGLIN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jingzhi.escalation.EscalationDriver;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.support.Clock;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 案例制: a ruling becomes precedent, routes the next matching event straight to its owner, is superseded and
 * revoked through {@code /api/precedents}; the weeks of 2026-11-23 and 11-30 are this class's own (the measures are exact).
 */
@IntegrationTest
class PrecedentTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SUNROOM = "小区楼顶加建阳光房";

  @Autowired
  ProcessEngine engine;
  @Autowired
  Events events;
  @LocalServerPort
  int port;

  EscalationDriver driver;
  Http http;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new EscalationDriver(engine, events);
    http = new Http(port);
    Clock.set(2026, 11, 23, 9, 0);
  }

  @AfterEach
  void tearDown() {
    Clock.reset();
  }

  @Test
  void aRulingBecomesPrecedentRoutesMatchingEventsAndIsSupersededThenRevoked() throws Exception {
    String number = ruleAsPrecedent(driver.report("hotline", "illegal-construction", LIUAN, "柳岸" + SUNROOM, "hotline"));
    assertThat(number).matches("CA-2026-\\d{4}");
    JsonNode precedent = json(http.get("adjudicator", "/api/precedents/" + number));
    assertThat(precedent.at("/precedent/status").asText()).isEqualTo("IN_FORCE");
    assertThat(precedent.at("/precedent/rule/owner").asText()).as("the ruling's owner").isEqualTo("planning");
    assertThat(precedent.at("/changes/0/kind").asText()).isEqualTo("CREATED");
    assertThat(precedent.at("/changes/0/by").asText()).isEqualTo("adjudicator");
    assertThat(json(http.get("supervisor", "/api/precedents?category=illegal-construction&status=IN_FORCE&q=阳光房"))
        .findValuesAsText("number")).contains(number);

    ReportedEvent matching = driver.report("hotline", "illegal-construction", HETANG, "荷塘" + SUNROOM, "grid");
    assertThat(driver.handleTask(matching)).as("straight to the owner the precedent names").hasCandidateGroup("planning");
    JsonNode owner = json(http.get("hotline", "/api/events/" + matching.eventNumber())).get("owner");
    assertThat(owner.get("basis").asText()).isEqualTo("依据裁定案例 " + number);
    assertThat(owner.get("unitName").asText()).isEqualTo("自然资源和规划局");
    assertThat(driver.handleTask(driver.report("hotline", "illegal-construction", HETANG, "荷塘路违章搭建棚屋", "hotline")))
        .as("no keyword: the catalogue routes it").hasCandidateGroup(HUBIN);
    assertThat(driver.handleTask(driver.report("hotline", "illegal-construction", SONGLIN, "松林" + SUNROOM, "hotline")))
        .as("another street: not the precedent's location").hasCandidateGroup("990102001000");

    Http.Response superseding = http.post("adjudicator", "/api/precedents/" + number + "/supersede", """
        {"category":"illegal-construction","keywords":["阳光房"],"location":"990101001000","owner":"street",
         "ruling":"楼顶阳光房先由街道综合执法队查处","reason":"区里调整了执法权限"}""");
    assertThat(superseding.status()).as(superseding.body()).isEqualTo(200);
    String successor = json(superseding).get("number").asText();
    assertThat(json(http.get("adjudicator", "/api/precedents/" + number)).at("/precedent/supersededBy").asText()).isEqualTo(successor);
    ReportedEvent bySuccessor = driver.report("hotline", "illegal-construction", HETANG, "荷塘" + SUNROOM, "hotline");
    assertThat(driver.handleTask(bySuccessor)).as("the street of the event's location").hasCandidateGroup(HUBIN);
    assertThat(json(http.get("hotline", "/api/events/" + bySuccessor.eventNumber())).at("/owner/basis").asText())
        .isEqualTo("依据裁定案例 " + successor);

    assertThat(http.post("urban", "/api/precedents/" + successor + "/revoke", "{\"reason\":\"x\"}").status()).isEqualTo(403);
    assertThat(http.post("adjudicator", "/api/precedents/" + successor + "/revoke", "{}").status()).isEqualTo(400);
    assertThat(http.post("adjudicator", "/api/precedents/CA-2026-9999/revoke", "{\"reason\":\"x\"}").status()).isEqualTo(404);
    Http.Response revoked = http.post("adjudicator", "/api/precedents/" + successor + "/revoke", "{\"reason\":\"权责清单已修订\"}");
    assertThat(json(revoked).at("/precedent/status").asText()).isEqualTo("REVOKED");
    assertThat(json(revoked).at("/changes/1/reason").asText()).isEqualTo("权责清单已修订");
    assertThat(http.post("adjudicator", "/api/precedents/" + successor + "/revoke", "{\"reason\":\"再撤\"}").status()).isEqualTo(400);
    ReportedEvent afterRevocation = driver.report("hotline", "illegal-construction", HETANG, "荷塘" + SUNROOM, "hotline");
    assertThat(json(http.get("hotline", "/api/events/" + afterRevocation.eventNumber())).at("/owner/basis").asText())
        .as("a revoked precedent no longer applies").isEqualTo("权责清单");

    JsonNode measures = json(http.get("supervisor", "/api/precedents/measures?from=2026-11-23&to=2026-11-27"));
    assertThat(measures.get("disputes").asInt()).isEqualTo(1);
    assertThat(measures.get("raisedByDispute").asInt()).isEqualTo(1);
    assertThat(measures.get("ruled").asInt()).isEqualTo(1);
    assertThat(measures.get("averageHoursToRuling").asDouble()).as("opened 09:00, ruled 11:00").isEqualTo(2.0);
    assertThat(measures.get("eventsRoutedByPrecedent").asInt()).isEqualTo(2);
    assertThat(measures.get("precedentsCreated").asInt()).isEqualTo(2);
  }

  @Test
  void aPrecedentNeedsAConditionAndAKnownOwnerAndOnlyOverseersReadThem() throws Exception {
    Clock.set(2026, 11, 30, 9, 0);
    String number = ruleAsPrecedent(driver.report("hotline", "illegal-construction", LIUAN, "柳岸" + SUNROOM, "hotline"));

    Http.Response categoryOnly = http.post("adjudicator", "/api/precedents/" + number + "/supersede",
        "{\"category\":\"illegal-construction\",\"owner\":\"planning\",\"ruling\":\"一律规划局\",\"reason\":\"试\"}");
    assertThat(categoryOnly.status()).isEqualTo(400);
    assertThat(json(categoryOnly).get("message").asText()).contains("至少");
    Http.Response unknownOwner = http.post("adjudicator", "/api/precedents/" + number + "/supersede",
        "{\"category\":\"illegal-construction\",\"keywords\":[\"阳光房\"],\"owner\":\"nobody\",\"ruling\":\"x\",\"reason\":\"试\"}");
    assertThat(unknownOwner.status()).isEqualTo(400);
    assertThat(json(unknownOwner).get("message").asText()).contains("nobody");
    assertThat(http.post("adjudicator", "/api/precedents/" + number + "/supersede", "{\"category\":\"mood\",\"keywords\":[\"x\"],"
        + "\"owner\":\"planning\",\"ruling\":\"x\",\"reason\":\"试\"}").status()).isEqualTo(400);
    assertThat(json(http.get("adjudicator", "/api/precedents/" + number)).at("/precedent/status").asText()).as("changes nothing")
        .isEqualTo("IN_FORCE");
    assertThat(http.get("adjudicator", "/api/precedents/CA-2026-9999").status()).isEqualTo(404);
    assertThat(http.get("liuan", "/api/precedents").status()).isEqualTo(403);
    assertThat(http.get("adjudicator", "/api/precedents?status=SOMETIMES").status()).isEqualTo(400);
    http.post("adjudicator", "/api/precedents/" + number + "/revoke", "{\"reason\":\"测试结束\"}");
  }

  /** 湖滨街道 disputes; two hours later the group rules planning owner and makes it precedent for 阳光房 in 湖滨街道. */
  private String ruleAsPrecedent(ReportedEvent event) {
    driver.complete("hubin", driver.handleTask(event), Map.of("action", "dispute", "note", "楼顶加建是否属规划违法有争议",
        "disputeUnits", List.of("urban", "planning")));
    driver.complete("adjudicator", task(event, "openDispute"), Map.of("parties", "urban,planning"));
    for (Task statement : tasks(event, "statement")) {
      driver.complete(statement.getName().startsWith("城市") ? "urban" : "planning", statement, Map.of("statement", "本部门意见"));
    }
    Clock.set(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2))));
    driver.complete("adjudicator", task(event, "rule"), Map.of("rulingChoice", "rule", "ownerUnit", "planning",
        "rulingReason", "楼顶加建阳光房无规划许可，由规划局查处", "precedent", true, "precedentKeywords", "阳光房, 楼顶加建",
        "precedentLocation", HUBIN));
    String adjudication = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("adjudication")
        .processInstanceBusinessKey(event.eventNumber() + " · 裁定").singleResult().getId();
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(adjudication)
        .variableName("precedentNumber").singleResult().getValue();
  }

  private Task task(ReportedEvent event, String activity) {
    List<Task> found = tasks(event, activity);
    return found.isEmpty() ? null : found.get(0);
  }

  private List<Task> tasks(ReportedEvent event, String activity) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey("adjudication").taskDefinitionKey(activity)
        .processVariableValueEquals("eventNumber", event.eventNumber()).list();
  }

  private static JsonNode json(Http.Response response) throws Exception {
    return JSON.readTree(response.body());
  }
}
