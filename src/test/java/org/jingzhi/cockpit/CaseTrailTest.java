package org.jingzhi.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.EventSteps;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.OverdueWork;
import org.jingzhi.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The audit trail 「案件轨迹」 through the plugin's API: a case's whole story, also after it ended. */
@IntegrationTest
class CaseTrailTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String TRAIL = "/camunda/api/cockpit/plugin/jingzhi-supervision/default/trail/";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  Events events;

  @AfterEach
  void reset() {
    Clock.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void anEndedCaseShowsWhoDidWhatWhenWithItsTimersNoticesAndMisses() throws Exception {
    Clock.set(2026, 3, 2, 9, 0);
    String caseInstance = OverdueWork.acceptedCase(port, engine, "案件轨迹甲店");
    String number = (String) engine.getRuntimeService().getVariable(caseInstance, "caseNumber");
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(caseInstance).taskCandidateGroup("market").singleResult();
    Clock.set(Date.from(review.getDueDate().toInstant().plus(1, ChronoUnit.DAYS)));
    OverdueWork.fireDueTimers(engine, caseInstance);
    Users.actAs(engine.getIdentityService(), "market");
    engine.getTaskService().claim(review.getId(), "market");
    engine.getIdentityService().clearAuthentication();
    engine.getRuntimeService().deleteProcessInstance(caseInstance, "测试：撤销案件");

    JsonNode trail = trail(number);
    assertThat(trail.get("processInstanceId").asText()).isEqualTo(caseInstance);
    assertThat(trail.get("endedAt").isNull()).isFalse();
    JsonNode marketReview = entry(trail, "task", "市场监管局审查：案件轨迹甲店");
    assertThat(marketReview.get("unitName").asText()).isEqualTo("市场监管局");
    assertThat(marketReview.get("claimedBy").asText()).isEqualTo("market");
    assertThat(marketReview.get("detail").asText()).isEqualTo("测试：撤销案件");
    JsonNode acceptance = entries(trail, "task").get(0);
    assertThat(acceptance.get("completedBy").asText()).isEqualTo("window");
    assertThat(answers(acceptance)).containsExactly("acceptance=accepted", "opinion=材料齐全");
    assertThat(entries(trail, "timer")).isNotEmpty();
    assertThat(entries(trail, "notice").stream().map(notice -> notice.get("title").asText())).anyMatch(title -> title.contains("催办"));
    assertThat(entries(trail, "overdue").stream().map(miss -> miss.get("unit").asText())).contains("market");
    List<String> times = new ArrayList<>();
    trail.get("entries").forEach(entry -> times.add(entry.get("at").asText()));
    assertThat(times).isSorted();
  }

  @Test
  void anEventsTrailShowsEachLevelsActionWithItsReasonAndTheReturnVisit() throws Exception {
    EventSteps steps = new EventSteps(engine, events);
    Clock.set(2026, 8, 17, 9, 0);
    ReportedEvent event = steps.report("road-occupation", "990101001001");
    Clock.set(2026, 8, 17, 10, 0);
    steps.complete("liuan", steps.handle(event), Map.of("action", "escalate", "note", "商户拒不配合，需街道执法力量"));
    Clock.set(2026, 8, 17, 14, 0);
    steps.complete("hubin", steps.handle(event), Map.of("action", "resolve", "note", "街道执法队已取缔占道摊点"));
    Clock.set(2026, 8, 18, 9, 0);
    steps.visit(event, "basicallySatisfied", "yes");

    JsonNode trail = trail(event.eventNumber());
    assertThat(trail.get("endedAt").isNull()).isFalse();
    List<JsonNode> tasks = entries(trail, "task");
    assertThat(answers(tasks.get(0))).as(tasks.get(0).get("title").asText()).containsExactly("action=escalate", "note=商户拒不配合，需街道执法力量");
    assertThat(tasks.get(0).get("unitName").asText()).isEqualTo("柳岸社区");
    assertThat(answers(tasks.get(1))).containsExactly("action=resolve", "note=街道执法队已取缔占道摊点");
    assertThat(tasks.get(1).get("completedBy").asText()).isEqualTo("hubin");
    assertThat(answers(tasks.get(2))).as("the return visit").containsExactly("satisfaction=basicallySatisfied", "resolved=yes");
  }

  @Test
  void badNumbersGet400UnknownOnes404AndOthers403() {
    EngineApi webapp = EngineApi.webapp(port);

    Http.Response malformed = webapp.get("supervisor", TRAIL + "XX-1");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("编号应为 LH-yyyyMMdd-nnnnnn");
    Http.Response unknown = webapp.get("supervisor", TRAIL + "LH-19990101-000001");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("没有编号为 LH-19990101-000001 的案件或事件");
    assertThat(webapp.get("market", TRAIL + "LH-19990101-000001").status()).isEqualTo(403);
  }

  /** Found in review: the command centre oversees events; the joint-approval cases' details are not its to read. */
  @Test
  void theCommandCentreReadsTheTrailOfEventsOnly() throws Exception {
    Http.Response reported = new Http(port).post("hotline", "/api/events", "{\"category\":\"noise\",\"description\":\"轨迹：夜间噪声\","
        + "\"communityCode\":\"990101001001\",\"address\":\"柳岸社区 2 号楼\",\"channel\":\"hotline\"}");
    JsonNode event = JSON.readTree(reported.body());
    EngineApi webapp = EngineApi.webapp(port);

    Http.Response trail = webapp.get("city", TRAIL + event.get("eventNumber").asText());
    assertThat(trail.status()).as(trail.body()).isEqualTo(200);
    JsonNode story = JSON.readTree(trail.body());
    assertThat(story.get("processInstanceId").asText()).as("the event itself, not its level").isEqualTo(event.get("processInstanceId").asText());
    assertThat(story.get("process").asText()).isEqualTo("escalation-chain");
    assertThat(entries(story, "task").get(0).get("title").asText()).contains("柳岸社区");
    Http.Response approval = webapp.get("city", TRAIL + "LH-19990101-000001");
    assertThat(approval.status()).isEqualTo(403);
    assertThat(approval.body()).contains("只对效能督查办和管理员开放");
  }

  private JsonNode trail(String number) throws Exception {
    Http.Response response = EngineApi.webapp(port).get("supervisor", TRAIL + number);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** "field=value" of each answer of a task entry. */
  private static List<String> answers(JsonNode entry) {
    List<String> answers = new ArrayList<>();
    entry.get("answers").forEach(answer -> answers.add(answer.get("field").asText() + "=" + answer.get("value").asText()));
    return answers;
  }

  private static List<JsonNode> entries(JsonNode trail, String kind) {
    List<JsonNode> found = new ArrayList<>();
    trail.get("entries").forEach(entry -> {
      if (entry.get("kind").asText().equals(kind)) {
        found.add(entry);
      }
    });
    return found;
  }

  private static JsonNode entry(JsonNode trail, String kind, String title) {
    return entries(trail, kind).stream().filter(entry -> entry.get("title").asText().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + title + " in " + trail));
  }
}
