package org.jingzhi.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.jingzhi.support.Clock.endOf;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.notice.Notice;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.Notices;
import org.jingzhi.supervision.OverdueRecord;
import org.jingzhi.supervision.OverdueRecords;
import org.jingzhi.support.Clock;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code joint-approval}. Cases are accepted on Friday 2026-09-18, so the limits run
 * across 中秋 (09-25..27, with Sunday 09-20 a working day) and 国庆 (10-01..07).
 */
@IntegrationTest
class JointApprovalProcessTest {

  static final String RESTAURANT = "restaurant-opening";

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;
  @Autowired
  Notices notices;
  @Autowired
  OverdueRecords overdueRecords;
  @Autowired
  CaseViews caseViews;

  JointApprovalDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    engine.getIdentityService().clearAuthentication();
    driver = new JointApprovalDriver(engine, approvals);
    Clock.set(2026, 9, 18, 9, 0);
  }

  @AfterEach
  void tearDown() {
    Clock.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void allDepartmentsApprove() {
    ProcessInstance instance = driver.submit(RESTAURANT, "张三餐饮店开业");

    assertThat(instance).isWaitingAt("windowAcceptance");
    Task acceptance = driver.windowTask(instance, "windowAcceptance");
    assertThat(acceptance).hasCandidateGroup("service-center").hasName("窗口受理：张三餐饮店开业");
    assertThat(acceptance.getDueDate()).as("5 working days for the window").isEqualTo(endOf(2026, 9, 24));

    driver.accept(instance);

    List<Task> reviews = driver.reviewTasks(instance);
    assertThat(reviews).extracting(Task::getName).containsExactlyInAnyOrder("市场监管局审查：张三餐饮店开业",
        "消防救援支队审查：张三餐饮店开业", "生态环境局审查：张三餐饮店开业", "城市管理局审查：张三餐饮店开业");
    assertThat(reviews).extracting(Task::getCreateTime).as("created together").containsOnly(reviews.get(0).getCreateTime());
    assertThat(driver.reviewTask(instance, "market").getDueDate()).as("5 working days: Sunday 09-20 counts").isEqualTo(endOf(2026, 9, 24));
    assertThat(driver.reviewTask(instance, "fire").getDueDate()).as("7 working days, across 中秋").isEqualTo(endOf(2026, 9, 29));
    assertThat(driver.reviewTask(instance, "ecology").getDueDate()).isEqualTo(endOf(2026, 9, 22));
    assertThat(driver.reviewTask(instance, "urban").getDueDate()).isEqualTo(endOf(2026, 9, 22));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "caseDue")).as("10 working days, across 国庆")
        .isEqualTo(endOf(2026, 10, 9));

    driver.approve(instance, "urban", "ecology", "market", "fire");

    assertThat(instance).isWaitingAt("issueResult");
    Task issue = driver.windowTask(instance, "issueResult");
    assertThat(issue).hasCandidateGroup("service-center").hasName("出件：张三餐饮店开业");
    assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "resultSummary")).startsWith("联合审批结果：准予许可")
        .contains("市场监管局（同意）");

    driver.issueResult(instance);

    assertThat(instance).isEnded().hasPassed("endApproved");
    Users.actAs(engine.getIdentityService(), "window");
    CaseView view = caseViews.staffView(driver.caseNumber(instance));
    engine.getIdentityService().clearAuthentication();
    assertThat(view.status()).isEqualTo("APPROVED");
    assertThat(view.statusLabel()).isEqualTo("准予许可");
    assertThat(view.departments()).extracting(CaseView.Department::status).containsOnly("APPROVED");
    assertThat(view.timeline()).extracting(CaseView.Step::step).contains("窗口受理：张三餐饮店开业", "出件：张三餐饮店开业", "准予许可");
    assertThat(noticesOf(instance, NoticeKind.RESULT)).singleElement().satisfies(notice -> {
      assertThat(notice.title()).startsWith("准予许可决定");
      assertThat(notice.recipientKind()).isEqualTo(Notice.APPLICANT);
      assertThat(notice.recipient()).isEqualTo("13800138000");
    });
  }

  @Test
  void oneRefusalEndsTheCaseWithEveryDepartmentsReasons() {
    ProcessInstance instance = driver.submit(RESTAURANT, "李四餐饮店开业");
    driver.accept(instance);

    driver.approve(instance, "ecology", "urban", "fire");
    driver.review(instance, "market", "rejected", "经营场所位于禁止餐饮经营区域", null);

    assertThat(instance).isWaitingAt("issueResult");
    String summary = (String) engine.getRuntimeService().getVariable(instance.getId(), "resultSummary");
    assertThat(summary).startsWith("联合审批结果：不予许可").contains("市场监管局（不予许可）：经营场所位于禁止餐饮经营区域")
        .contains("消防救援支队（同意）", "生态环境局（同意）", "城市管理局（同意）");

    driver.issueResult(instance);

    assertThat(instance).isEnded().hasPassed("endRejected");
    assertThat(noticesOf(instance, NoticeKind.RESULT)).singleElement().satisfies(notice -> assertThat(notice.body()).contains("禁止餐饮经营区域"));
  }

  @Test
  void aSupplementRequestStopsTheClocksAndOnlyThatDepartmentReviewsAgain() {
    ProcessInstance instance = driver.submit(RESTAURANT, "王五餐饮店开业");
    driver.accept(instance);
    driver.approve(instance, "market", "urban");

    Clock.set(2026, 9, 22, 10, 0);
    driver.review(instance, "fire", "supplement", "消防设施不完整", "消防设施平面图；灭火器配置清单");
    Clock.set(2026, 9, 23, 11, 0);
    driver.approve(instance, "ecology");

    assertThat(instance).isWaitingAt("reviewSupplementWait");
    assertThat(noticesOf(instance, NoticeKind.SUPPLEMENT)).singleElement().satisfies(notice -> {
      assertThat(notice.body()).contains("消防救援支队：消防设施平面图；灭火器配置清单");
      assertThat(notice.recipientKind()).isEqualTo(Notice.APPLICANT);
    });
    assertThat(driver.reviewTasks(instance)).isEmpty();
    assertThat(driver.timers(instance, "caseOverdueTimer")).as("the case clock is stopped").isEmpty();

    Clock.set(2026, 10, 12, 9, 0);
    driver.supplement(driver.caseNumber(instance), "消防设施平面图", "灭火器配置清单");

    assertThat(instance).isWaitingAt("review");
    assertThat(driver.reviewTasks(instance)).singleElement().satisfies(task -> {
      assertThat(task.getName()).isEqualTo("消防救援支队审查：王五餐饮店开业");
      assertThat(task.getDueDate()).as("fire had 4 working days left on 09-22 (09-23, 24, 28, 29)").isEqualTo(endOf(2026, 10, 16));
    });
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "caseDue"))
        .as("the case had 6 working days left on 09-23 (09-24, 28, 29, 30, 10-08, 09)").isEqualTo(endOf(2026, 10, 20));
    assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "materials")).contains("（补正）消防设施平面图");

    driver.approve(instance, "fire");
    assertThat(instance).isWaitingAt("issueResult");
    assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "resultSummary")).startsWith("联合审批结果：准予许可")
        .contains("市场监管局（同意）", "消防救援支队（同意）");
    driver.issueResult(instance);
    assertThat(instance).isEnded().hasPassed("endApproved");
  }

  @Test
  void theWindowTellsEverythingMissingOnceAndTheCaseWaitsWithoutClock() {
    ProcessInstance instance = driver.submit(RESTAURANT, "赵六餐饮店开业");

    driver.askForSupplementAtWindow(instance, "食品经营许可申请书原件；法定代表人身份证复印件");

    assertThat(instance).isWaitingAt("windowSupplementWait");
    assertThat(noticesOf(instance, NoticeKind.SUPPLEMENT)).singleElement()
        .satisfies(notice -> assertThat(notice.body()).contains("食品经营许可申请书原件；法定代表人身份证复印件"));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "caseDue")).as("no approval clock yet").isNull();

    Clock.set(2026, 10, 9, 15, 0);
    driver.supplement(driver.caseNumber(instance), "食品经营许可申请书原件", "法定代表人身份证复印件");

    assertThat(instance).isWaitingAt("windowAcceptance");
    assertThat(driver.windowTask(instance, "windowAcceptance").getDueDate()).as("5 working days from the supplement: 10-10 is a working Saturday")
        .isEqualTo(endOf(2026, 10, 15));
    driver.accept(instance);
    assertThat(driver.reviewTasks(instance)).hasSize(4);
  }

  @Test
  void theWindowMayRefuseToAccept() {
    ProcessInstance instance = driver.submit(RESTAURANT, "孙七餐饮店开业");

    driver.complete("window", driver.windowTask(instance, "windowAcceptance"), Map.of("acceptance", "rejected", "opinion", "不属于本中心受理范围"));

    assertThat(instance).isEnded().hasPassed("endNotAccepted");
    assertThat(noticesOf(instance, NoticeKind.RESULT)).singleElement().satisfies(notice -> assertThat(notice.body()).contains("不属于本中心受理范围"));
  }

  @Test
  void aDepartmentIsRemindedOnTheMorningItsReviewIsDue() {
    ProcessInstance instance = driver.submit(RESTAURANT, "周八餐饮店开业");
    driver.accept(instance);

    Job ecologyReminder = timerFor(instance, "reviewReminderTimer", "ecology");
    assertThat(ecologyReminder.getDuedate()).isEqualTo(Clock.at(2026, 9, 22, 0, 0));

    Clock.set(2026, 9, 22, 0, 1);
    driver.fire(ecologyReminder);

    assertThat(noticesOf(instance, NoticeKind.REMINDER)).singleElement().satisfies(notice -> {
      assertThat(notice.recipient()).isEqualTo("ecology");
      assertThat(notice.title()).isEqualTo("催办：生态环境局审查：周八餐饮店开业");
    });
    assertThat(driver.reviewTask(instance, "ecology")).as("still open").isNotNull();
  }

  @Test
  void aMissedDepartmentLimitIsRecordedAndSupervisedWhileTheTaskStaysOpen() {
    ProcessInstance instance = driver.submit(RESTAURANT, "吴九餐饮店开业");
    driver.accept(instance);

    Job ecologyOverdue = timerFor(instance, "reviewOverdueTimer", "ecology");
    assertThat(ecologyOverdue.getDuedate()).isEqualTo(endOf(2026, 9, 22));
    Clock.set(2026, 9, 23, 0, 0);
    driver.fire(ecologyOverdue);

    assertThat(driver.reviewTask(instance, "ecology")).as("not silently approved").isNotNull();
    String caseNumber = driver.caseNumber(instance);
    assertThat(overdueRecords.ofCase(caseNumber)).singleElement().satisfies(miss -> {
      assertThat(miss.unit()).isEqualTo("ecology");
      assertThat(miss.scope()).isEqualTo(OverdueRecord.TASK);
      assertThat(miss.dueAt()).isEqualTo(endOf(2026, 9, 22));
    });
    Task supervision = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("supervision").singleResult();
    assertThat(supervision).hasCandidateGroup("supervision").hasName("督办：生态环境局审查：吴九餐饮店开业");
    String told = notices.ofCase(caseNumber).stream().filter(notice -> notice.recipient().equals("supervision")
        && notice.channel() == Notice.Channel.IN_APP).findFirst().orElseThrow().body();
    assertThat(engine.getRuntimeService().getVariables(supervision.getProcessInstanceId()))
        .as("what the supervision form shows, and the unit to find it by; the rest is in the overdue record")
        .containsOnly(entry("supervisionSubject", "生态环境局审查：吴九餐饮店开业"), entry("overdueUnit", "ecology"),
            entry("overdueUnitName", "市生态环境局"), entry("overdueSummary", told + "，请督促办理。"));

    driver.complete("supervisor", supervision, Map.of("supervisionMeasure", "phone", "supervisionNote", "已电话督促生态环境局当日办结"));
    driver.approve(instance, "ecology", "market", "fire", "urban");
    assertThat(instance).isWaitingAt("issueResult");
  }

  @Test
  void anApplicantWhoNeverSupplementsHasWithdrawn() {
    ProcessInstance instance = driver.submit(RESTAURANT, "郑十餐饮店开业");
    driver.askForSupplementAtWindow(instance, "租赁合同");

    Job timeout = driver.timers(instance, "windowSupplementTimeout").get(0);
    assertThat(timeout.getDuedate()).as("20 working days after 09-18, Saturday 10-10 included").isEqualTo(endOf(2026, 10, 22));
    Clock.set(2026, 10, 23, 0, 0);
    driver.fire(timeout);

    assertThat(instance).isEnded().hasPassed("endWithdrawnAtWindow");
    assertThat(noticesOf(instance, NoticeKind.WITHDRAWAL)).hasSize(1);
  }

  @Test
  void anApplicantWhoNeverSupplementsDuringReviewHasWithdrawnToo() {
    ProcessInstance instance = driver.submit(RESTAURANT, "钱一餐饮店开业");
    driver.accept(instance);
    driver.approve(instance, "market", "fire", "urban");
    driver.review(instance, "ecology", "supplement", "缺环评材料", "环境影响登记表");

    Job timeout = driver.timers(instance, "reviewSupplementTimeout").get(0);
    Clock.set(timeout.getDuedate());
    driver.fire(timeout);

    assertThat(instance).isEnded().hasPassed("endWithdrawnInReview");
  }

  @Test
  void aMissedCaseLimitIsSupervisedAgainstTheServiceCenter() {
    ProcessInstance instance = driver.submit(RESTAURANT, "陈二餐饮店开业");
    driver.accept(instance);

    Job caseTimer = driver.timers(instance, "caseOverdueTimer").get(0);
    assertThat(caseTimer.getDuedate()).isEqualTo(endOf(2026, 10, 9));
    Clock.set(2026, 10, 10, 8, 0);
    driver.fire(caseTimer);

    String caseNumber = driver.caseNumber(instance);
    assertThat(overdueRecords.ofCase(caseNumber)).singleElement().satisfies(miss -> {
      assertThat(miss.scope()).isEqualTo(OverdueRecord.CASE);
      assertThat(miss.unit()).isEqualTo("service-center");
    });
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).processDefinitionKey("supervision")
        .singleResult()).hasName("督办：联合审批总时限：陈二餐饮店开业");
    assertThat(driver.reviewTasks(instance)).as("the reviews go on").hasSize(4);
  }

  @Test
  void aReviewWithoutValidDecisionIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = driver.submit(RESTAURANT, "褚三餐饮店开业");
    driver.accept(instance);
    Task market = driver.reviewTask(instance, "market");

    assertThatThrownBy(() -> driver.complete("market", market, Map.of("decision", "maybe", "opinion", "再看看")))
        .isInstanceOf(RefusedInputException.class).hasMessageContaining("审查结论");
    assertThatThrownBy(() -> driver.complete("market", market, Map.of("decision", "supplement", "opinion", "缺材料")))
        .isInstanceOf(RefusedInputException.class).hasMessageContaining("missingMaterials");
    assertThatThrownBy(() -> driver.complete("market", market, Map.of("decision", "approved")))
        .isInstanceOf(RefusedInputException.class).hasMessageContaining("opinion");

    assertThat(driver.reviewTask(instance, "market")).isNotNull();
  }

  private List<Notice> noticesOf(ProcessInstance instance, NoticeKind kind) {
    return notices.ofCase(driver.caseNumber(instance)).stream()
        .filter(notice -> notice.kind() == kind).toList();
  }

  private Job timerFor(ProcessInstance instance, String activityId, String department) {
    return driver.timers(instance, activityId).stream()
        .filter(job -> department.equals(engine.getRuntimeService().getVariable(job.getExecutionId(), "department")))
        .findFirst().orElseThrow();
  }
}
