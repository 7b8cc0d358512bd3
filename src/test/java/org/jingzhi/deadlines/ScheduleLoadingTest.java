package org.jingzhi.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhi.support.Clock.endOf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jingzhi.approval.CaseViews;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.calendar.HolidaySchedules;
import org.jingzhi.calendar.WorkingDayCalendar;
import org.jingzhi.escalation.EscalationDriver;
import org.jingzhi.escalation.EventViews;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.Notices;
import org.jingzhi.supervision.OverdueRecords;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year's schedule arrives while deadlines reach into it. Today is the end of 2026 and 2027 has no schedule; the test
 * loads a fictional one (test resources only: 元旦 2027-01-01, 01-04..06 off, Saturday 01-09 worked) and withdraws it.
 *
 * <p>By hand: a restaurant case accepted Thursday 2026-12-24 — 消防 7 working days: 12-25, 28, 29, 30, 31, then 01-01 and
 * 01-04 weekends only (due 01-04), or 01-07 and 01-08 with the schedule (due 01-08); the case total of 10: 01-07 without,
 * 01-12 with (01-07, 08, Saturday 09, 11, 12). 市场监管 (5 days, due 12-31) does not move. A road-occupation event reported
 * Thursday 2026-12-31 at its community (2 working days): 01-04 without, 01-08 with.
 */
@IntegrationTest
class ScheduleLoadingTest {

  static final String FIRE = "fire";

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
  OverdueRecords overdueRecords;
  @Autowired
  HolidaySchedules schedules;
  @Autowired
  WorkingDayCalendar calendar;
  @Autowired
  ScheduleLoading loading;
  @Autowired
  CalendarRefresher refresher;
  @Autowired
  JdbcTemplate jdbc;

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
  }

  @AfterEach
  void withdrawTheFictionalYear() {
    if (calendar.hasSchedule(2027)) {
      loading.withdraw(2027, "test");
    }
    Clock.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void loadingAYearMovesOpenDeadlinesOfBothProcessesFromTheirStart() throws IOException {
    Clock.set(2026, 12, 24, 10, 0);
    ProcessInstance restaurant = approval.submit("restaurant-opening", "虚构年份餐饮店");
    approval.accept(restaurant);
    String caseNumber = approval.caseNumber(restaurant);
    Clock.set(2026, 12, 31, 10, 0);
    ReportedEvent event = escalation.report("hotline", "road-occupation", EscalationDriver.LIUAN, false);

    assertThat(approval.reviewTask(restaurant, FIRE).getDueDate()).isEqualTo(endOf(2027, 1, 4));
    assertThat(caseViews.staffView(caseNumber).caseDue()).isEqualTo(endOf(2027, 1, 7));
    assertThat(caseViews.staffView(caseNumber).caseDueProvisional()).as("2027 counts weekends only").isTrue();
    assertThat(eventViews.view(event.eventNumber()).dueDate()).isEqualTo(endOf(2027, 1, 4));
    assertThat(eventViews.view(event.eventNumber()).dueProvisional()).isTrue();

    // the reminder of 消防 fires on the morning of its provisional due day, before the schedule arrives
    Clock.set(2027, 1, 4, 8, 0);
    approval.fire(fireTimer(restaurant, "reviewReminderTimer"));
    long reminders = remindersTo(caseNumber, FIRE);
    assertThat(reminders).isEqualTo(1);

    Http.Response bad = http.send(http.request("demo", "/api/calendar/schedules/2027").header("Content-Type", "text/plain")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(fixture("2027-overlapping.yaml"), StandardCharsets.UTF_8)));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("第 6 行", "2027-01-09", "第 4 行");
    Http.Response notAdministrator = put("fire", fixture("2027-fictional.yaml"));
    assertThat(notAdministrator.status()).isEqualTo(403);
    assertThat(calendar.hasSchedule(2027)).isFalse();
    assertThat(approval.reviewTask(restaurant, FIRE).getDueDate()).as("a refused load changes nothing").isEqualTo(endOf(2027, 1, 4));

    Http.Response loaded = put("demo", fixture("2027-fictional.yaml"));

    assertThat(loaded.status()).isEqualTo(200);
    assertThat(loaded.body()).contains("\"year\":2027", "\"holidays\":4", "\"workingWeekends\":1");
    assertThat(approval.reviewTask(restaurant, FIRE).getDueDate()).isEqualTo(endOf(2027, 1, 8));
    assertThat(fireTimer(restaurant, "reviewOverdueTimer").getDuedate()).isEqualTo(endOf(2027, 1, 8));
    assertThat(approval.reviewTask(restaurant, "market").getDueDate()).as("ends before 2027").isEqualTo(endOf(2026, 12, 31));
    assertThat(approval.timers(restaurant, "caseOverdueTimer")).extracting(Job::getDuedate).containsExactly(endOf(2027, 1, 12));
    assertThat(caseViews.staffView(caseNumber).caseDue()).isEqualTo(endOf(2027, 1, 12));
    assertThat(caseViews.staffView(caseNumber).caseDueProvisional()).isFalse();
    assertThat(escalation.handleTask(event).getDueDate()).as("the level's copy of the limit").isEqualTo(endOf(2027, 1, 8));
    assertThat(escalation.levelTimer(event).getDuedate()).isEqualTo(endOf(2027, 1, 8));
    assertThat(eventViews.view(event.eventNumber()).dueDate()).isEqualTo(endOf(2027, 1, 8));
    assertThat(eventViews.view(event.eventNumber()).dueProvisional()).isFalse();

    List<DeadlineChanges.Change> caseChanges = changes.ofCase(caseNumber);
    assertThat(caseChanges).extracting(DeadlineChanges.Change::kind, DeadlineChanges.Change::subject, DeadlineChanges.Change::from,
            DeadlineChanges.Change::to)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("DEADLINE", "消防救援支队审查时限", endOf(2027, 1, 4), endOf(2027, 1, 8)),
            org.assertj.core.groups.Tuple.tuple("DEADLINE", "办理总时限", endOf(2027, 1, 7), endOf(2027, 1, 12)),
            org.assertj.core.groups.Tuple.tuple("TASK", "消防救援支队审查：虚构年份餐饮店", endOf(2027, 1, 4), endOf(2027, 1, 8)),
            org.assertj.core.groups.Tuple.tuple("TIMER", "定时器「审查超期」", endOf(2027, 1, 4), endOf(2027, 1, 8)),
            org.assertj.core.groups.Tuple.tuple("TIMER", "定时器「总时限超期」", endOf(2027, 1, 7), endOf(2027, 1, 12)));
    assertThat(caseChanges).allSatisfy(change -> assertThat(change.cause()).contains("载入 2027 年节假日安排"));
    assertThat(changes.ofCase(event.eventNumber())).extracting(DeadlineChanges.Change::kind)
        .containsExactlyInAnyOrder("DEADLINE", "TASK", "TIMER");
    assertThat(loaded.body()).contains(caseNumber, event.eventNumber());
    Http.Response trail = EngineApi.webapp(port).get("supervisor", "/camunda/api/cockpit/plugin/jingzhi-supervision/default/trail/" + caseNumber);
    assertThat(trail.body()).as("the audit trail shows the moves").contains("\"kind\":\"deadline\"", "原期限 2027-01-04 23:59 → 2027-01-08 23:59");

    // nothing fires twice: the reminder that fired is not set again for the new due day
    Clock.set(2027, 1, 8, 8, 0);
    assertThat(timers(restaurant, "reviewReminderTimer")).noneMatch(job -> FIRE.equals(departmentOf(job)));
    assertThat(remindersTo(caseNumber, FIRE)).isEqualTo(reminders);

    // withdrawn on 01-06: 消防's limit is 01-04 again, already past, so its overdue timer is due at once
    Clock.set(2027, 1, 6, 10, 0);
    Http.Response withdrawn = http.delete("demo", "/api/calendar/schedules/2027");
    assertThat(withdrawn.status()).isEqualTo(200);
    Job overdue = fireTimer(restaurant, "reviewOverdueTimer");
    assertThat(overdue.getDuedate()).isEqualTo(endOf(2027, 1, 4)).isBefore(Clock.at(2027, 1, 6, 10, 0));
    approval.fire(overdue);
    assertThat(overdueRecords.ofCase(caseNumber)).anySatisfy(record -> {
      assertThat(record.unit()).isEqualTo(FIRE);
      assertThat(record.dueAt()).isEqualTo(endOf(2027, 1, 4));
    });
    assertThat(caseViews.staffView(caseNumber).caseDueProvisional()).isTrue();
  }

  @Test
  void anotherNodesLoadIsFollowedWithoutARestart() throws IOException {
    Clock.set(2026, 12, 24, 10, 0);
    ProcessInstance restaurant = approval.submit("restaurant-opening", "另一节点载入");
    approval.accept(restaurant);
    // another node records the load; this node has not read it yet
    schedules.record(2027, fixture("2027-fictional.yaml"), ScheduleLoading.FROM_API, "demo", Clock.at(2026, 12, 24, 10, 5));
    assertThat(calendar.hasSchedule(2027)).isFalse();

    refresher.refresh();

    assertThat(calendar.hasSchedule(2027)).isTrue();
    assertThat(calendar.version()).isEqualTo(schedules.version());
    assertThat(approval.reviewTask(restaurant, FIRE).getDueDate()).isEqualTo(endOf(2027, 1, 8));
    assertThat(changes.ofCase(approval.caseNumber(restaurant))).extracting(DeadlineChanges.Change::cause)
        .allSatisfy(cause -> assertThat(cause).contains("本节点采用第"));
  }

  @Test
  void aClockThatChangedWhileBeingRecomputedIsRecomputedAgain() {
    Clock.set(2026, 12, 24, 10, 0);
    ProcessInstance restaurant = approval.submit("restaurant-opening", "同时延期");
    approval.accept(restaurant);
    Clocks.Clock read = clocks.ofInstances(List.of(restaurant.getId())).stream().filter(clock -> clock.variable().equals("caseDue"))
        .findFirst().orElseThrow();
    clocks.extended(read, 15);  // an extension approved in between

    assertThatThrownBy(() -> clocks.moved(read, endOf(2027, 1, 12), false)).isInstanceOf(OptimisticLockingException.class);
  }

  @Autowired
  Clocks clocks;
  @Autowired
  DeadlineChanges changes;
  private Http.Response put(String user, String yaml) {
    return http.send(http.request(user, "/api/calendar/schedules/2027").header("Content-Type", "application/yaml")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8)));
  }

  private Job fireTimer(ProcessInstance instance, String activityId) {
    return approval.departmentTimer(instance, activityId, FIRE);
  }

  private List<Job> timers(ProcessInstance instance, String activityId) {
    return approval.timers(instance, activityId);
  }

  private String departmentOf(Job job) {
    return (String) engine.getRuntimeService().getVariable(job.getExecutionId(), "department");
  }

  private long remindersTo(String caseNumber, String unit) {
    return notices.ofCase(caseNumber).stream().filter(notice -> notice.kind() == NoticeKind.REMINDER && unit.equals(notice.recipient()))
        .count();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = ScheduleLoadingTest.class.getResourceAsStream("/calendar-fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
