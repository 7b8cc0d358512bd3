package org.jingzhi.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.jingzhi.escalation.EscalationDriver.*;
import static org.jingzhi.support.Clock.endOf;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.Notices;
import org.jingzhi.supervision.OverdueRecord;
import org.jingzhi.supervision.OverdueRecords;
import org.jingzhi.support.Clock;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code escalation-chain} and {@code escalation-level}. Events are reported on Monday 2026-11-02, 09:00. */
@IntegrationTest
class EscalationChainProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  Events events;
  @Autowired
  OverdueRecords overdueRecords;
  @Autowired
  Notices notices;

  EscalationDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    engine.getIdentityService().clearAuthentication();
    driver = new EscalationDriver(engine, events);
    Clock.set(2026, 11, 2, 9, 0);
  }

  @AfterEach
  void tearDown() {
    Clock.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void resolvedAtTheCommunityAndClosedAfterASatisfiedReturnVisit() {
    ReportedEvent event = driver.report("hotline", "road-occupation", LIUAN, false);
    ProcessInstance instance = instance(event);

    assertThat(event.eventNumber()).matches("SJ-20261102-\\d{6}");
    Task handle = driver.handleTask(event);
    assertThat(handle).hasCandidateGroup(LIUAN).hasName("柳岸社区处置：占道经营（柳岸路12号）");
    assertThat(handle.getDueDate()).as("2 working days at the community").isEqualTo(endOf(2026, 11, 4));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(handle.getProcessInstanceId()).singleResult()
        .getBusinessKey()).as("Cockpit shows who holds it").isEqualTo(event.eventNumber() + " · 柳岸社区");

    driver.act("liuan", event, "resolve", "已劝离占道商户，恢复通行");

    Task visit = driver.parentTask(event, "returnVisit");
    assertThat(visit).hasCandidateGroup("hotline").hasName("回访：占道经营（" + event.eventNumber() + "）");
    driver.returnVisit(event, "satisfied", "yes");

    assertThat(instance).isEnded().hasPassed("closed");
  }

  @Test
  void escalatedByHandToTheStreet() {
    ReportedEvent event = driver.report("hotline", "road-occupation", LIUAN, false);

    assertThatThrownBy(() -> driver.act("liuan", event, "escalate", null)).isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("理由");
    driver.act("liuan", event, "escalate", "占道商户拒不配合，需街道执法力量");

    Task street = driver.handleTask(event);
    assertThat(street).hasCandidateGroup(HUBIN).hasName("湖滨街道处置：占道经营（柳岸路12号）");
    assertThat(street.getDueDate()).as("3 working days at the street").isEqualTo(endOf(2026, 11, 5));
    assertThat(driver.variable(event, "currentLevel")).isEqualTo("street");
    assertThat(overdueRecords.ofCase(event.eventNumber())).as("escalating by hand is no miss").isEmpty();
  }

  @Test
  void missedLimitsMoveTheEventUpEachLevelAndTheCityIsSupervised() {
    ReportedEvent event = driver.report("hotline", "road-occupation", LIUAN, false);
    String communityTask = driver.handleTask(event).getId();

    Job community = driver.levelTimer(event);
    assertThat(community.getDuedate()).isEqualTo(endOf(2026, 11, 4));
    Clock.set(2026, 11, 5, 0, 0);
    driver.fire(community);

    assertThat(driver.handleTask(event)).hasCandidateGroup(HUBIN);
    HistoricTaskInstance closed = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(communityTask).singleResult();
    assertThat(closed.getEndTime()).as("the community's task is closed").isNotNull();
    assertThat(closed.getDeleteReason()).isNotNull();
    assertThat(overdueRecords.ofCase(event.eventNumber())).singleElement().satisfies(miss -> {
      assertThat(miss.unit()).isEqualTo(LIUAN);
      assertThat(miss.level()).isEqualTo("community");
    });

    Clock.set(driver.levelTimer(event).getDuedate());
    driver.fire(driver.levelTimer(event));
    assertThat(driver.handleTask(event)).hasCandidateGroup(DONGHU).hasName("东湖区处置：占道经营（柳岸路12号）");

    Clock.set(driver.levelTimer(event).getDuedate());
    driver.fire(driver.levelTimer(event));
    Task city = driver.handleTask(event);
    assertThat(city).hasCandidateGroup("command-center").hasName("市城市运行指挥中心处置：占道经营（柳岸路12号）");

    Clock.set(driver.levelTimer(event).getDuedate());
    driver.fire(driver.levelTimer(event));

    assertThat(driver.handleTask(event).getId()).as("at the city the task stays").isEqualTo(city.getId());
    assertThat(overdueRecords.ofCase(event.eventNumber())).extracting(OverdueRecord::level)
        .containsExactly("community", "street", "district", "city");
    Task supervision = engine.getTaskService().createTaskQuery().processDefinitionKey("supervision")
        .processInstanceBusinessKey(event.eventNumber()).singleResult();
    assertThat(supervision).hasCandidateGroup("supervision").hasName("督办：市城市运行指挥中心处置：占道经营（" + event.eventNumber() + "）");
    assertThatThrownBy(() -> driver.act("city", event, "escalate", "再上报")).isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("最高层级");
  }

  @Test
  void theStreetSummonsDepartmentsWhoReportOneOfThemLate() {
    ReportedEvent event = driver.report("hotline", "illegal-construction", LIUAN, false);
    assertThat(driver.handleTask(event)).as("starts at the street").hasCandidateGroup(HUBIN);

    driver.summon("hubin", event, "urban,planning");

    List<Task> reports = driver.reportTasks(event);
    assertThat(reports).extracting(Task::getName).containsExactlyInAnyOrder("城市管理局报到：湖滨街道吹哨（违法建设）",
        "自然资源和规划局报到：湖滨街道吹哨（违法建设）");
    assertThat(reports).extracting(Task::getDueDate).as("1 working day").containsOnly(endOf(2026, 11, 3));
    assertThat(driver.handleTask(event)).as("the handler waits for the reports").isNull();
    Task urban = reports.stream().filter(task -> task.getName().startsWith("城市")).findFirst().orElseThrow();
    Task planning = reports.stream().filter(task -> task.getName().startsWith("自然")).findFirst().orElseThrow();

    Job reminder = driver.childTimers(event, "reportReminderTimer").stream()
        .filter(job -> "planning".equals(engine.getRuntimeService().getVariable(job.getExecutionId(), "department"))).findFirst().orElseThrow();
    Clock.set(reminder.getDuedate());
    driver.fire(reminder);
    assertThat(notices.ofCase(event.eventNumber())).filteredOn(notice -> notice.kind() == NoticeKind.REMINDER)
        .extracting(notice -> notice.recipient()).containsExactly("planning");

    driver.reportOnSite("urban", urban);
    Job late = driver.childTimers(event, "reportLateTimer").get(0);
    Clock.set(2026, 11, 4, 8, 0);
    driver.fire(late);
    assertThat(overdueRecords.ofCase(event.eventNumber())).singleElement().satisfies(miss -> {
      assertThat(miss.unit()).isEqualTo("planning");
      assertThat(miss.level()).isEqualTo("summon");
    });
    driver.reportOnSite("planning", planning);

    Task again = driver.handleTask(event);
    assertThat(again).as("the street continues").hasCandidateGroup(HUBIN);
    driver.act("hubin", event, "resolve", "联合执法拆除违建");
    assertThat(driver.parentTask(event, "returnVisit")).isNotNull();
  }

  @Test
  void anUrgentSummonsGivesTwoHours() {
    ReportedEvent event = driver.report("hotline", "fire-hazard", LIUAN, true);

    driver.summon("hubin", event, "fire");

    assertThat(driver.reportTasks(event)).singleElement().satisfies(task -> assertThat(task.getDueDate()).isEqualTo(Clock.at(2026, 11, 2, 11, 0)));
  }

  @Test
  void sentBackTwiceIsReroutedAndTheThirdTimeGoesToAdjudication() {
    ReportedEvent event = driver.report("hotline", "noise", LIUAN, false);

    assertThatThrownBy(() -> driver.act("liuan", event, "sendBack", " ")).isInstanceOf(RefusedInputException.class);
    driver.act("liuan", event, "sendBack", "噪声源位于荷塘社区");
    Task reroute = driver.parentTask(event, "reroute");
    assertThat(reroute).hasCandidateGroup("hotline");
    assertThatThrownBy(() -> driver.decideOwner("hotline", event, "reroute", "market")).isInstanceOf(RefusedInputException.class);
    driver.decideOwner("hotline", event, "reroute", HETANG);
    assertThat(driver.handleTask(event)).hasCandidateGroup(HETANG).hasName("荷塘社区处置：噪声扰民（柳岸路12号）");

    driver.act("hetang", event, "sendBack", "噪声源在松林社区");
    driver.decideOwner("hotline", event, "reroute", SONGLIN);
    assertThat(driver.handleTask(event)).hasCandidateGroup(SONGLIN);

    driver.act("songlin", event, "sendBack", "不在本社区");
    assertThat(driver.parentTask(event, "reroute")).isNull();
    assertThat(driver.variable(event, "sendBackCount")).isEqualTo(3);
    assertThat(instance(event)).isActive().isWaitingAt("adjudicate");
    Task open = engine.getTaskService().createTaskQuery().processDefinitionKey("adjudication").taskDefinitionKey("openDispute")
        .processVariableValueEquals("eventNumber", event.eventNumber()).singleResult();
    assertThat(open).as("AdjudicationProcessTest follows it").hasCandidateGroup("adjudication").hasName("受理争议：噪声扰民（" + event.eventNumber() + "）");
  }

  @Test
  void urgentLimitsAreClockHours() {
    ReportedEvent event = driver.report("hotline", "garbage", LIUAN, true);

    assertThat(driver.handleTask(event).getDueDate()).as("4 hours at the community").isEqualTo(Clock.at(2026, 11, 2, 13, 0));
    Clock.set(2026, 11, 2, 13, 1);
    driver.fire(driver.levelTimer(event));

    assertThat(driver.handleTask(event)).hasCandidateGroup(HUBIN);
    assertThat(driver.handleTask(event).getDueDate()).as("8 hours at the street").isEqualTo(Clock.at(2026, 11, 2, 21, 1));
  }

  @Test
  void anUnsatisfiedCitizenGetsTheEventHandledAgainOnceThenEscalated() {
    ReportedEvent event = driver.report("hotline", "road-occupation", LIUAN, false);
    ProcessInstance instance = instance(event);
    driver.act("liuan", event, "resolve", "已劝离");

    driver.returnVisit(event, "unsatisfied", "no");

    Task rework = driver.handleTask(event);
    assertThat(rework).as("重办 at the level that resolved it").hasCandidateGroup(LIUAN);
    driver.act("liuan", event, "resolve", "再次劝离并设置隔离设施");

    driver.returnVisit(event, "unsatisfied", "no");

    assertThat(driver.handleTask(event)).as("the second time it escalates").hasCandidateGroup(HUBIN);
    driver.act("hubin", event, "resolve", "街道执法队取缔");
    driver.returnVisit(event, "basicallySatisfied", "yes");
    assertThat(instance).isEnded().hasPassed("closed");
  }

  @Test
  void aReturnVisitNeedsAValidAnswer() {
    ReportedEvent event = driver.report("hotline", "road-occupation", LIUAN, false);
    ProcessInstance instance = instance(event);
    driver.act("liuan", event, "resolve", "已劝离");

    assertThatThrownBy(() -> driver.returnVisit(event, "happy", "yes")).isInstanceOf(RefusedInputException.class);
    assertThatThrownBy(() -> driver.returnVisit(event, "satisfied", null)).isInstanceOf(RefusedInputException.class);
    driver.returnVisit(event, "unreachable", null);

    assertThat(instance).isEnded();
  }

  @Test
  void eventsOfSomeCategoriesStartAtTheStreet() {
    ReportedEvent event = driver.report("hotline", "water-leak", LIUAN, false);

    Task street = driver.handleTask(event);
    assertThat(street).hasCandidateGroup(HUBIN).hasName("湖滨街道处置：供水管道漏水（柳岸路12号）");
    assertThat(street.getDueDate()).as("1 working day").isEqualTo(endOf(2026, 11, 3));
    assertThat(driver.variable(event, "defaultDepartments")).isEqualTo(List.of("water"));
  }

  @Test
  void aSummonNeedsKnownDepartments() {
    ReportedEvent event = driver.report("hotline", "road-occupation", LIUAN, false);
    Task handle = driver.handleTask(event);

    assertThatThrownBy(() -> driver.complete("liuan", handle, Map.of("action", "summon", "note", "请协助", "departments", "police")))
        .isInstanceOf(RefusedInputException.class).hasMessageContaining("police");
    assertThatThrownBy(() -> driver.complete("liuan", handle, Map.of("action", "fly", "note", "x")))
        .isInstanceOf(RefusedInputException.class);
  }

  private ProcessInstance instance(ReportedEvent event) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(event.processInstanceId()).singleResult();
  }
}
