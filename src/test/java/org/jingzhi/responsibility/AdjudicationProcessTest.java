package org.jingzhi.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.jingzhi.escalation.EscalationDriver.HETANG;
import static org.jingzhi.escalation.EscalationDriver.HUBIN;
import static org.jingzhi.escalation.EscalationDriver.LIUAN;
import static org.jingzhi.escalation.EscalationDriver.SONGLIN;
import static org.jingzhi.support.Clock.endOf;

import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.escalation.EscalationDriver;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.Notices;
import org.jingzhi.supervision.OverdueRecord;
import org.jingzhi.supervision.OverdueRecords;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every path of {@code adjudication} (疑难诉求裁定) as the chain calls it. Events are reported on Monday 2026-11-16,
 * 09:00; a working day ends at 24:00 of its day.
 */
@IntegrationTest
class AdjudicationProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  Events events;
  @Autowired
  OverdueRecords overdueRecords;
  @Autowired
  Notices notices;
  @LocalServerPort
  int port;

  EscalationDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    engine.getIdentityService().clearAuthentication();
    driver = new EscalationDriver(engine, events);
    Clock.set(2026, 11, 16, 9, 0);
  }

  @AfterEach
  void tearDown() {
    Clock.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theThirdSendBackIsRuledAfterTheStatementsAndTheOwnerContinuesWithACoHandler() throws Exception {
    ReportedEvent event = sentBackThreeTimes();

    assertThat(new ObjectMapper().readTree(new Http(port).get("hotline", "/api/events/" + event.eventNumber()).body()).get("status").asText())
        .isEqualTo("ADJUDICATING");
    Task open = task(event, "openDispute");
    assertThat(open).hasCandidateGroup("adjudication").hasName("受理争议：噪声扰民（" + event.eventNumber() + "）");
    assertThat(open.getDueDate()).isEqualTo(endOf(2026, 11, 17));
    assertThat(engine.getTaskService().getVariable(open.getId(), "parties")).as("the last unit that sent it back and the 权责清单's owner")
        .isEqualTo(SONGLIN + ",ecology");
    driver.complete("adjudicator", open, Map.of("parties", SONGLIN + ", ecology"));

    List<Task> statements = tasks(event, "statement");
    assertThat(statements).extracting(Task::getName).containsExactlyInAnyOrder("松林社区陈述意见：噪声扰民（" + event.eventNumber() + "）",
        "生态环境局陈述意见：噪声扰民（" + event.eventNumber() + "）");
    assertThat(statements).extracting(Task::getDueDate).as("1 working day each, all at once").containsOnly(endOf(2026, 11, 17));
    driver.complete("ecology", statementOf(statements, "生态"), Map.of("statement", "噪声源为施工工地，属生态环境局监管"));
    assertThat(task(event, "rule")).as("no party waits for another; the group waits for all").isNull();
    driver.complete("songlin", statementOf(statements, "松林"), Map.of("statement", "工地位于荷塘社区辖区"));

    Task rule = task(event, "rule");
    assertThat(rule).hasCandidateGroup("adjudication");
    assertThat(rule.getDueDate()).as("3 working days").isEqualTo(endOf(2026, 11, 19));
    assertThat((String) engine.getTaskService().getVariable(rule.getId(), "statementsSummary"))
        .contains("【松林社区】工地位于荷塘社区辖区", "【生态环境局】噪声源为施工工地，属生态环境局监管");
    assertThatThrownBy(() -> driver.complete("adjudicator", rule, Map.of("rulingChoice", "rule", "rulingReason", "属地管理")))
        .isInstanceOf(RefusedInputException.class).hasMessageContaining("主办单位");
    assertThatThrownBy(() -> driver.complete("adjudicator", rule, Map.of("rulingChoice", "rule", "ownerUnit", "990199999999",
        "rulingReason", "属地管理"))).isInstanceOf(RefusedInputException.class).hasMessageContaining("990199999999");
    assertThatThrownBy(() -> driver.complete("adjudicator", rule, Map.of("rulingChoice", "rule", "ownerUnit", HETANG)))
        .isInstanceOf(RefusedInputException.class).hasMessageContaining("理由");
    assertThatThrownBy(() -> driver.complete("urban", rule, Map.of("rulingChoice", "rule", "ownerUnit", HETANG, "rulingReason", "x")))
        .as("only the group rules").isInstanceOf(AuthorizationException.class);

    Clock.set(2026, 11, 18, 10, 0);
    driver.complete("adjudicator", rule, Map.of("rulingChoice", "rule", "ownerUnit", HETANG, "coHandlerUnits", List.of("ecology"),
        "rulingReason", "噪声源位于荷塘社区辖区，属地主办，生态环境局协助执法"));

    Task handle = driver.handleTask(event);
    assertThat(handle).as("the owner continues").hasCandidateGroup(HETANG);
    assertThat(handle.getDueDate()).as("a fresh limit: 2 working days at the community").isEqualTo(endOf(2026, 11, 20));
    Task coHandle = parentTask(event, "coHandle");
    assertThat(coHandle).hasCandidateGroup("ecology").hasName("生态环境局协办：噪声扰民（" + event.eventNumber() + "）");
    assertThatThrownBy(() -> driver.act("hetang", event, "sendBack", "仍不属本社区")).isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("裁定的主办单位");

    driver.act("hetang", event, "resolve", "工地夜间停工");
    driver.returnVisit(event, "satisfied", "yes");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(event.processInstanceId())
        .singleResult().getEndTime()).as("closed").isNotNull();
    assertThat(engine.getTaskService().createTaskQuery().taskId(coHandle.getId()).singleResult()).as("ends with the event").isNull();
  }

  @Test
  void aStreetDisputesOwnershipAPartyMissesItsLimitAndTheGroupMeetsBeforeRulingADepartmentOwner() throws Exception {
    ReportedEvent event = driver.report("hotline", "illegal-construction", LIUAN, false);
    assertThatThrownBy(() -> driver.complete("hubin", driver.handleTask(event), Map.of("action", "dispute", "note", "职责不清")))
        .isInstanceOf(RefusedInputException.class).hasMessageContaining("disputeUnits");
    assertThatThrownBy(() -> driver.complete("hubin", driver.handleTask(event), Map.of("action", "dispute", "note", "职责不清",
        "disputeUnits", List.of("urban", "nobody")))).isInstanceOf(RefusedInputException.class).hasMessageContaining("nobody");
    assertThat(driver.handleTask(event).getName()).as("refused: the street still holds it").startsWith("湖滨街道处置");
    assertThat(task(event, "openDispute")).isNull();
    driver.complete("hubin", driver.handleTask(event), Map.of("action", "dispute", "note", "违建位于规划红线内，城管与规划职责不清",
        "disputeUnits", List.of("urban", "planning")));

    Task open = task(event, "openDispute");
    assertThat(engine.getTaskService().getVariable(open.getId(), "parties")).isEqualTo(HUBIN + ",urban,planning");
    assertThatThrownBy(() -> driver.complete("adjudicator", open, Map.of("parties", "urban,nobody")))
        .isInstanceOf(RefusedInputException.class).hasMessageContaining("nobody");
    driver.complete("adjudicator", open, Map.of("parties", "urban,planning"));

    List<Task> statements = tasks(event, "statement");
    driver.complete("urban", statementOf(statements, "城市"), Map.of("statement", "规划许可问题应由规划部门认定"));
    Job late = engine.getManagementService().createJobQuery().activityId("statementLateTimer").timers().list().stream()
        .filter(job -> "planning".equals(engine.getRuntimeService().getVariable(job.getExecutionId(), "party"))).findFirst().orElseThrow();
    assertThat(late.getDuedate()).isEqualTo(endOf(2026, 11, 17));
    Clock.set(late.getDuedate());
    engine.getManagementService().executeJob(late.getId());

    assertThat(overdueRecords.ofCase(event.eventNumber())).singleElement().satisfies(miss -> {
      assertThat(miss.unit()).isEqualTo("planning");
      assertThat(miss.level()).isEqualTo("statement");
    });
    Task rule = task(event, "rule");
    assertThat((String) engine.getTaskService().getVariable(rule.getId(), "statementsSummary")).contains("【自然资源和规划局】逾期未陈述");

    driver.complete("adjudicator", rule, Map.of("rulingChoice", "meeting"));
    Task meeting = task(event, "jointMeeting");
    assertThat(meeting).hasCandidateGroup("adjudication");
    driver.complete("adjudicator", meeting, Map.of("meetingDate", "2026-11-18 14:30", "meetingParticipants", "城管局、规划局、湖滨街道",
        "meetingMinutes", "规划局确认该建筑无规划许可，由规划局主办查处"));
    Task again = task(event, "rule");
    assertThat(engine.getTaskService().getVariable(again.getId(), "meetingMinutes")).isEqualTo("规划局确认该建筑无规划许可，由规划局主办查处");
    driver.complete("adjudicator", again, Map.of("rulingChoice", "rule", "ownerUnit", "planning", "rulingReason", "联席会议认定无规划许可"));

    Task handle = driver.handleTask(event);
    assertThat(handle).as("a department owner holds it at the city level").hasCandidateGroup("planning");
    assertThat(driver.variable(event, "currentLevel")).isEqualTo("city");
    assertThat(handle.getDueDate()).as("illegal-construction: 10 working days at the city").isEqualTo(endOf(2026, 12, 1));
    assertThat(parentTask(event, "coHandle")).as("no co-handlers named").isNull();

    assertThat(new Http(port).get("hotline", "/api/events/" + event.eventNumber()).body()).as("the statements are the group's")
        .contains("raisedByName").doesNotContain("规划许可问题应由规划部门认定");
    JsonNode view = new ObjectMapper().readTree(new Http(port).get("supervisor", "/api/events/" + event.eventNumber()).body());
    assertThat(view.get("status").asText()).isEqualTo("HANDLING");
    assertThat(view.get("owner").get("unitName").asText()).isEqualTo("自然资源和规划局");
    assertThat(view.get("owner").get("basis").asText()).isEqualTo("裁定");
    JsonNode adjudication = view.get("adjudications").get(0);
    assertThat(adjudication.get("raisedByName").asText()).isEqualTo("湖滨街道");
    assertThat(adjudication.get("reason").asText()).isEqualTo("违建位于规划红线内，城管与规划职责不清");
    assertThat(adjudication.get("statements").findValuesAsText("unitName")).containsExactlyInAnyOrder("城市管理局", "自然资源和规划局");
    for (JsonNode statement : adjudication.get("statements")) {
      boolean planning = statement.get("unit").asText().equals("planning");
      assertThat(statement.get("late").asBoolean()).isEqualTo(planning);
      assertThat(statement.hasNonNull("statement") ? statement.get("statement").asText() : null).isEqualTo(planning ? null : "规划许可问题应由规划部门认定");
    }
    assertThat(adjudication.get("meetings").get(0).get("minutes").asText()).isEqualTo("规划局确认该建筑无规划许可，由规划局主办查处");
    assertThat(adjudication.get("ruling").get("ownerUnitName").asText()).isEqualTo("自然资源和规划局");
    assertThat(adjudication.get("ruling").get("reason").asText()).isEqualTo("联席会议认定无规划许可");
    assertThat(adjudication.get("ruling").get("ruledBy").asText()).isEqualTo("adjudicator");

    Http.Response trail = EngineApi.webapp(port).get("supervisor", "/camunda/api/cockpit/plugin/jingzhi-supervision/default/trail/"
        + event.eventNumber());
    assertThat(trail.body()).as("「案件轨迹」 tells the adjudication too").contains("城市管理局陈述意见", "规划许可问题应由规划部门认定",
        "联席会议", "联席会议认定无规划许可");
  }

  @Test
  void aCommunityCannotDispute() {
    ReportedEvent event = driver.report("hotline", "garbage", LIUAN, false);

    assertThatThrownBy(() -> driver.complete("liuan", driver.handleTask(event), Map.of("action", "dispute", "note", "不属本社区",
        "disputeUnits", List.of("urban")))).isInstanceOf(RefusedInputException.class).hasMessageContaining("退单");
  }

  @Test
  void aRulingPastItsLimitIsRemindedThenSupervised() throws Exception {
    ReportedEvent event = sentBackThreeTimes();
    driver.complete("adjudicator", task(event, "openDispute"), Map.of("parties", SONGLIN));
    driver.complete("songlin", tasks(event, "statement").get(0), Map.of("statement", "不在本社区"));
    Task rule = task(event, "rule");

    Job reminder = driver.childTimers(event, "rulingReminderTimer").get(0);
    Clock.set(reminder.getDuedate());
    engine.getManagementService().executeJob(reminder.getId());
    assertThat(notices.ofCase(event.eventNumber())).filteredOn(notice -> notice.kind() == NoticeKind.REMINDER)
        .extracting(notice -> notice.recipient()).contains("adjudication");

    Job late = driver.childTimers(event, "rulingLateTimer").get(0);
    assertThat(late.getDuedate()).isEqualTo(rule.getDueDate());
    Clock.set(late.getDuedate());
    engine.getManagementService().executeJob(late.getId());

    assertThat(overdueRecords.ofCase(event.eventNumber())).extracting(OverdueRecord::unit, OverdueRecord::level)
        .contains(org.assertj.core.groups.Tuple.tuple("adjudication", "ruling"));
    Task supervision = engine.getTaskService().createTaskQuery().processDefinitionKey("supervision")
        .processInstanceBusinessKey(event.eventNumber()).singleResult();
    assertThat(supervision).hasCandidateGroup("supervision");
    assertThat(task(event, "rule").getId()).as("the group still rules").isEqualTo(rule.getId());

    Clock.set(2026, 11, 20, 9, 0);
    Http.Response monitor = EngineApi.webapp(port).get("supervisor",
        "/camunda/api/cockpit/plugin/jingzhi-supervision/default/deadlines?state=overdue&process=escalation-chain&unit=adjudication&maxResults=200");
    JsonNode row = java.util.stream.StreamSupport.stream(new ObjectMapper().readTree(monitor.body()).get("rows").spliterator(), false)
        .filter(candidate -> candidate.get("taskId").asText().equals(rule.getId())).findFirst()
        .orElseThrow(() -> new AssertionError("not in 「时限监控」: " + monitor.body()));
    assertThat(row.get("number").asText()).as("「时限监控」 shows it with the chain's work").isEqualTo(event.eventNumber());
    assertThat(row.get("reminderSent").asBoolean()).isTrue();
    assertThat(row.get("supervisionOpen").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rest", "webapp"})
  void aPartyReadsNoOtherPartysStatement(String door) {
    ReportedEvent event = sentBackThreeTimes();
    driver.complete("adjudicator", task(event, "openDispute"), Map.of("parties", SONGLIN + ",ecology,urban"));
    List<Task> statements = tasks(event, "statement");
    driver.complete("ecology", statementOf(statements, "生态"), Map.of("statement", "生态环境局的内部陈述"));
    driver.complete("urban", statementOf(statements, "城市"), Map.of("statement", "城管意见"));
    String songlinTask = statementOf(statements, "松林").getId();
    String adjudication = statementOf(statements, "松林").getProcessInstanceId();
    EngineApi api = door.equals("rest") ? EngineApi.rest(port) : EngineApi.webapp(port);

    Map<String, Http.Response> reads = Map.of(
        "process variables", api.get("songlin", "/process-instance/" + adjudication + "/variables"),
        "one process variable", api.get("songlin", "/process-instance/" + adjudication + "/variables/statement_ecology"),
        "variable instances", api.get("songlin", "/variable-instance?processInstanceIdIn=" + adjudication),
        "historic variables", api.get("songlin", "/history/variable-instance?processInstanceId=" + adjudication),
        "historic details", api.get("songlin", "/history/detail?processInstanceId=" + adjudication),
        "task variables", api.get("songlin", "/task/" + songlinTask + "/variables"),
        "form variables", api.get("songlin", "/task/" + songlinTask + "/form-variables"),
        "the event view", new Http(port).get("urban", "/api/events/" + event.eventNumber()));

    reads.forEach((what, response) -> {
      assertThat(response.status()).as(what).isLessThan(500);
      assertThat(response.body()).as(what).doesNotContain("生态环境局的内部陈述");
    });
    assertThat(reads.get("form variables").body()).as("Tasklist still loads what the form shows").contains("eventNumber");
    assertThat(reads.get("the event view").status()).isEqualTo(200);
    assertThat(reads.get("the event view").body()).as("a party reads its own statement").contains("城管意见");
    assertThat(new Http(port).get("adjudicator", "/api/events/" + event.eventNumber()).body()).as("the group reads them all")
        .contains("生态环境局的内部陈述");
  }

  private ReportedEvent sentBackThreeTimes() {
    ReportedEvent event = driver.report("hotline", "noise", LIUAN, false);
    driver.act("liuan", event, "sendBack", "噪声源位于荷塘社区");
    driver.decideOwner("hotline", event, "reroute", HETANG);
    driver.act("hetang", event, "sendBack", "噪声源在松林社区");
    driver.decideOwner("hotline", event, "reroute", SONGLIN);
    driver.act("songlin", event, "sendBack", "不在本社区");
    return event;
  }

  private Task task(ReportedEvent event, String activity) {
    List<Task> found = tasks(event, activity);
    return found.isEmpty() ? null : found.get(0);
  }

  private List<Task> tasks(ReportedEvent event, String activity) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey("adjudication").taskDefinitionKey(activity)
        .processVariableValueEquals("eventNumber", event.eventNumber()).orderByTaskName().asc().list();
  }

  private Task parentTask(ReportedEvent event, String activity) {
    return engine.getTaskService().createTaskQuery().processInstanceId(event.processInstanceId()).taskDefinitionKey(activity)
        .singleResult();
  }

  private static Task statementOf(List<Task> statements, String party) {
    return statements.stream().filter(task -> task.getName().startsWith(party)).findFirst().orElseThrow();
  }
}
