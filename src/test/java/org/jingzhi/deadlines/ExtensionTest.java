package org.jingzhi.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.jingzhi.support.Clock.endOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jingzhi.approval.CaseViews;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.escalation.EscalationDriver;
import org.jingzhi.escalation.EventViews;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.Notices;
import org.jingzhi.support.Clock;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 延期, every path, in the week of Monday 2026-06-08 (no holiday until 06-19). A restaurant case accepted that Monday:
 * 消防 7 working days (06-17), case total 10 (06-23: 端午 06-19..21). A road-occupation event reported that Monday: its community has 2
 * working days (06-10).
 */
@IntegrationTest
class ExtensionTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;
  @Autowired
  Events events;
  @Autowired
  CaseViews caseViews;
  @Autowired
  EventViews eventViews;
  @Autowired
  Notices notices;
  @Autowired
  Extensions extensions;

  JointApprovalDriver approval;
  EscalationDriver escalation;
  Http http;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    engine.getIdentityService().clearAuthentication();
    approval = new JointApprovalDriver(engine, approvals);
    escalation = new EscalationDriver(engine, events);
    http = new Http(port);
    Clock.set(2026, 6, 8, 9, 0);
  }

  @AfterEach
  void tearDown() {
    Clock.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void aDepartmentsApprovedExtensionMovesItsDueDateRemindersAndOverdueAndTellsTheApplicant() throws Exception {
    ProcessInstance restaurant = acceptedCase("延期甲店");
    String caseNumber = approval.caseNumber(restaurant);
    assertThat(approval.reviewTask(restaurant, "fire").getDueDate()).isEqualTo(endOf(2026, 6, 17));

    Http.Response asked = http.post("fire", "/api/joint-approvals/" + caseNumber + "/extensions",
        "{\"scope\": \"review\", \"reason\": \"需现场核查消防设施\"}");

    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    assertThat(JSON.readTree(asked.body()).get("status").asText()).isEqualTo("REQUESTED");
    Task approvalTask = approvalTask(restaurant, "approveReviewExtension");
    assertThat(approvalTask).hasCandidateGroup("fire-lead").hasName("消防救援支队延期审批：延期甲店");
    assertThat(approvalTask.getDueDate()).as("1 working day").isEqualTo(endOf(2026, 6, 9));
    assertThat(engine.getTaskService().getVariable(approvalTask.getId(), "extensionReason")).isEqualTo("需现场核查消防设施");
    assertThat(engine.getTaskService().getVariable(approvalTask.getId(), "extensionLength")).isEqualTo("10 个工作日");

    approval.complete("fire-lead", approvalTask, Map.of("extensionDecision", "approved", "extensionOpinion", "同意延长"));

    // 7 + 10 working days from Monday 06-08: 06-09 … 06-18 are 8, 06-19..21 端午, 06-22 … 06-30 are 7 more, then 07-01, 07-02
    Date extended = endOf(2026, 7, 2);
    assertThat(approval.reviewTask(restaurant, "fire").getDueDate()).isEqualTo(extended);
    assertThat(approval.departmentTimer(restaurant, "reviewOverdueTimer", "fire").getDuedate()).isEqualTo(extended);
    assertThat(approval.departmentTimer(restaurant, "reviewReminderTimer", "fire").getDuedate()).isEqualTo(Clock.at(2026, 7, 2, 0, 0));
    assertThat(approval.reviewTask(restaurant, "market").getDueDate()).as("other departments keep theirs").isEqualTo(endOf(2026, 6, 15));
    assertThat(notices.ofCase(caseNumber)).filteredOn(notice -> notice.kind() == NoticeKind.EXTENSION).singleElement()
        .satisfies(notice -> assertThat(notice.body()).contains("消防救援支队的审查时限经批准延长 10 个工作日", "2026年7月2日", "需现场核查消防设施"));
    assertThat(caseViews.staffView(caseNumber).extensions()).singleElement().satisfies(extension -> {
      assertThat(extension.status()).isEqualTo("APPROVED");
      assertThat(extension.decidedBy()).isEqualTo("fire-lead");
      assertThat(extension.oldDue()).isEqualTo(endOf(2026, 6, 17));
      assertThat(extension.newDue()).isEqualTo(extended);
    });
    String queryCode = (String) engine.getRuntimeService().getVariable(restaurant.getId(), "queryCode");
    JsonNode publicView = JSON.readTree(http.get(null, "/api/public/cases/" + caseNumber + "?queryCode=" + queryCode).body());
    assertThat(publicView.at("/extensions/0/limit").asText()).isEqualTo("消防救援支队审查时限");
    assertThat(publicView.at("/extensions/0/reason").asText()).isEqualTo("需现场核查消防设施");
    assertThat(publicView.toString()).contains("\"dueDate\":\"2026-07-02T23:59:59.000+08:00\"");

    Http.Response again = http.post("fire", "/api/joint-approvals/" + caseNumber + "/extensions", "{\"reason\": \"再延一次\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("已申请过一次延期");
  }

  @Test
  void aRefusedOrLapsedRequestLeavesTheLimit() throws Exception {
    ProcessInstance restaurant = acceptedCase("延期乙店");
    String caseNumber = approval.caseNumber(restaurant);
    assertThat(http.post("market", "/api/joint-approvals/" + caseNumber + "/extensions", "{\"reason\": \"材料复杂\"}").status()).isEqualTo(200);
    approval.complete("market-lead", approvalTask(restaurant, "approveReviewExtension"),
        Map.of("extensionDecision", "refused", "extensionOpinion", "可在时限内完成"));

    assertThat(approval.reviewTask(restaurant, "market").getDueDate()).isEqualTo(endOf(2026, 6, 15));
    assertThat(extensions.latest(restaurant.getId(), Extension.REVIEW, "market").orElseThrow().status()).isEqualTo("REFUSED");
    assertThat(notices.ofCase(caseNumber)).noneMatch(notice -> notice.kind() == NoticeKind.EXTENSION);

    // 城管 asks, then finishes its review before its leadership decides: the request lapses with the review
    assertThat(http.post("urban", "/api/joint-approvals/" + caseNumber + "/extensions", "{\"reason\": \"等待现场检查\"}").status())
        .isEqualTo(200);
    assertThat(approvalTask(restaurant, "approveReviewExtension")).isNotNull();
    approval.review(restaurant, "urban", "approved", "符合要求", null);
    assertThat(approvalTask(restaurant, "approveReviewExtension")).isNull();
    assertThat(extensions.latest(restaurant.getId(), Extension.REVIEW, "urban").orElseThrow().status()).isEqualTo("LAPSED");
  }

  @Test
  void badRequestsAreRefusedAndChangeNothing() {
    ProcessInstance restaurant = acceptedCase("延期丙店");
    String path = "/api/joint-approvals/" + approval.caseNumber(restaurant) + "/extensions";

    assertThat(http.post("fire", path, "{\"reason\": \"  \"}").status()).isEqualTo(400);
    assertThat(http.post("fire", path, "{\"scope\": \"forever\", \"reason\": \"x\"}").status()).isEqualTo(400);
    assertThat(http.post("health", path, "{\"reason\": \"不审查本案\"}").status()).as("health does not review restaurants").isEqualTo(409);
    assertThat(http.post("fire", path, "{\"scope\": \"case\", \"reason\": \"x\"}").status()).as("the total is the window's").isEqualTo(403);
    assertThat(http.post("fire", "/api/joint-approvals/LH-20990101-999999/extensions", "{\"reason\": \"x\"}").status()).isEqualTo(404);
    Clock.set(2026, 6, 16, 9, 0);
    Http.Response late = http.post("ecology", path, "{\"reason\": \"来不及了\"}");
    assertThat(late.status()).as("ecology's 3 days ended 06-11").isEqualTo(409);
    assertThat(late.body()).contains("已届满");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(restaurant.getId()).taskDefinitionKey("approveReviewExtension")
        .count()).isZero();
    assertThat(extensions.ofCase(approval.caseNumber(restaurant))).isEmpty();
  }

  @Test
  void nobodyApprovesTheirOwnRequest() {
    ProcessInstance restaurant = acceptedCase("延期丁店");
    User both = engine.getIdentityService().newUser("ecology-both");
    both.setPassword("demo");
    engine.getIdentityService().saveUser(both);
    engine.getIdentityService().createMembership("ecology-both", "ecology");
    engine.getIdentityService().createMembership("ecology-both", "ecology-lead");
    try {
      assertThat(http.post("ecology-both", "/api/joint-approvals/" + approval.caseNumber(restaurant) + "/extensions",
          "{\"reason\": \"待补充检测\"}").status()).isEqualTo(200);
      Task task = approvalTask(restaurant, "approveReviewExtension");

      Users.actAs(engine.getIdentityService(), "ecology-both");
      try {
        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
            Map.of("extensionDecision", "approved", "extensionOpinion", "自己批准")))
            .isInstanceOf(RefusedInputException.class).hasMessageContaining("不能审批本人提出的延期申请");
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      assertThat(approvalTask(restaurant, "approveReviewExtension")).as("still waiting for another leader").isNotNull();
      assertThat(extensions.latest(restaurant.getId(), Extension.REVIEW, "ecology").orElseThrow().status()).isEqualTo("REQUESTED");
      assertThat(approval.reviewTask(restaurant, "ecology").getDueDate()).isEqualTo(endOf(2026, 6, 11));
    } finally {
      engine.getIdentityService().deleteUser("ecology-both");
    }
  }

  @Test
  void theCaseTotalIsExtendedByFifteenDaysWithTheDirectorsApproval() {
    ProcessInstance restaurant = acceptedCase("延期戊店");
    String caseNumber = approval.caseNumber(restaurant);
    assertThat(http.post("window", "/api/joint-approvals/" + caseNumber + "/extensions",
        "{\"scope\": \"case\", \"reason\": \"涉及多部门联合踏勘\"}").status()).isEqualTo(200);
    Task task = approvalTask(restaurant, "approveCaseExtension");
    assertThat(task).hasCandidateGroup("center-lead").hasName("总时限延期审批：延期戊店");

    approval.complete("center-lead", task, Map.of("extensionDecision", "approved", "extensionOpinion", "同意"));

    // 10 + 15 working days from 06-08: 06-09 … 06-18 (8), 端午, 06-22 … 07-10 (15), 07-13, 07-14 → 25th is 07-14
    assertThat(approval.timers(restaurant, "caseOverdueTimer")).extracting(Job::getDuedate).containsExactly(endOf(2026, 7, 14));
    assertThat(caseViews.staffView(caseNumber).caseDue()).isEqualTo(endOf(2026, 7, 14));
    assertThat(http.post("window", "/api/joint-approvals/" + caseNumber + "/extensions",
        "{\"scope\": \"case\", \"reason\": \"再延\"}").status()).isEqualTo(409);
  }

  @Test
  void anEventsLevelIsExtendedOnceByTheHotlineAndCountsOnTime() throws Exception {
    ReportedEvent event = escalation.report("hotline", "road-occupation", EscalationDriver.LIUAN, false);
    assertThat(escalation.handleTask(event).getDueDate()).isEqualTo(endOf(2026, 6, 10));
    String path = "/api/events/" + event.eventNumber() + "/extensions";
    assertThat(http.post("hetang", path, "{\"reason\": \"不是我的\"}").status()).as("only the unit holding it").isEqualTo(403);
    assertThat(http.post("liuan", path, "{\"reason\": \"x\", \"hours\": 3}").status()).as("days for a non-urgent event").isEqualTo(400);
    assertThat(http.post("liuan", path, "{\"reason\": \"x\", \"workingDays\": 11}").status()).isEqualTo(400);

    Http.Response asked = http.post("liuan", path, "{\"reason\": \"需协调产权单位\", \"workingDays\": 3}");
    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    Task task = engine.getTaskService().createTaskQuery().taskDefinitionKey("approveLevelExtension")
        .processVariableValueEquals("eventNumber", event.eventNumber()).singleResult();
    assertThat(task).hasCandidateGroup("hotline");
    escalation.complete("hotline", task, Map.of("extensionDecision", "approved", "extensionOpinion", "同意"));

    assertThat(escalation.handleTask(event).getDueDate()).isEqualTo(endOf(2026, 6, 15));
    assertThat(escalation.levelTimer(event).getDuedate()).isEqualTo(endOf(2026, 6, 15));
    assertThat(eventViews.view(event.eventNumber()).dueDate()).isEqualTo(endOf(2026, 6, 15));
    assertThat(http.post("liuan", path, "{\"reason\": \"再延\"}").status()).as("once per level").isEqualTo(409);

    Clock.set(2026, 6, 12, 10, 0);  // after the first limit, before the extended one
    escalation.act("liuan", event, "resolve", "已劝离并设置隔离带");
    JsonNode rates = JSON.readTree(http.get("supervisor", "/api/rates?from=2026-06-08&to=2026-06-12&groupBy=unit").body());
    JsonNode liuan = null;
    for (JsonNode group : rates.get("groups")) {
      if ("柳岸社区".equals(group.get("name").asText())) {
        liuan = group;
      }
    }
    assertThat(liuan).isNotNull();
    assertThat(liuan.get("resolvedOnTime").asInt()).as("an approved extension counts as on time").isEqualTo(liuan.get("resolved").asInt());
  }

  @Test
  void anUrgentEventIsExtendedInHoursAndARefusalLeavesTheLimit() {
    ReportedEvent urgent = escalation.report("hotline", "road-occupation", EscalationDriver.LIUAN, true);
    Date due = escalation.handleTask(urgent).getDueDate();
    String path = "/api/events/" + urgent.eventNumber() + "/extensions";
    assertThat(http.post("liuan", path, "{\"reason\": \"x\", \"workingDays\": 1}").status()).as("hours for an urgent event").isEqualTo(400);
    assertThat(http.post("liuan", path, "{\"reason\": \"夜间需要照明设备\", \"hours\": 2}").status()).isEqualTo(200);
    escalation.complete("hotline", levelApproval(urgent), Map.of("extensionDecision", "approved", "extensionOpinion", "同意"));
    assertThat(escalation.handleTask(urgent).getDueDate()).isEqualTo(new Date(due.getTime() + 2 * 3_600_000L));

    ReportedEvent refused = escalation.report("hotline", "road-occupation", EscalationDriver.LIUAN, false);
    assertThat(http.post("liuan", "/api/events/" + refused.eventNumber() + "/extensions", "{\"reason\": \"想多几天\"}").status()).isEqualTo(200);
    escalation.complete("hotline", levelApproval(refused), Map.of("extensionDecision", "refused", "extensionOpinion", "时限内可完成"));
    assertThat(escalation.handleTask(refused).getDueDate()).isEqualTo(endOf(2026, 6, 10));
  }

  @Test
  void anUnansweredRequestLapsesWhenTheLevelEndsFirst() {
    ReportedEvent event = escalation.report("hotline", "road-occupation", EscalationDriver.LIUAN, false);
    assertThat(http.post("liuan", "/api/events/" + event.eventNumber() + "/extensions", "{\"reason\": \"等待回复\"}").status()).isEqualTo(200);
    String level = levelApproval(event).getProcessInstanceId();

    escalation.act("liuan", event, "resolve", "已处理");

    assertThat(levelApproval(event)).isNull();
    assertThat(extensions.latest(level, Extension.LEVEL, EscalationDriver.LIUAN).orElseThrow().status()).isEqualTo("LAPSED");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(level).singleResult().getEndTime())
        .as("the level ended").isNotNull();
  }

  private Task levelApproval(ReportedEvent event) {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey("approveLevelExtension")
        .processVariableValueEquals("eventNumber", event.eventNumber()).singleResult();
  }

  private ProcessInstance acceptedCase(String projectName) {
    ProcessInstance instance = approval.submit("restaurant-opening", projectName);
    approval.accept(instance);
    return instance;
  }

  private Task approvalTask(ProcessInstance instance, String activityId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).singleResult();
  }
}
