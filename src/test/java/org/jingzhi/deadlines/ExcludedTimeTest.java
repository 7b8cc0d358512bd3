package org.jingzhi.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhi.support.Clock.endOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jingzhi.approval.CaseView;
import org.jingzhi.approval.CaseViews;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.Notices;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 不计入时限, every path. Restaurant cases accepted Monday 2026-08-03 (no holiday in August): 市场监管 5 working days
 * (08-10), 消防 7 (08-12), case total 10 (08-17). A test started Tuesday 08-04 for 5 working days is expected to end 08-11.
 */
@IntegrationTest
class ExcludedTimeTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String TESTING = "{\"kind\": \"testing\", \"expectedWorkingDays\": 5, \"reason\": \"厨房排烟设施送检\"}";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;
  @Autowired
  CaseViews caseViews;
  @Autowired
  Notices notices;
  @Autowired
  ExcludedPeriods periods;

  JointApprovalDriver approval;
  Http http;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    engine.getIdentityService().clearAuthentication();
    approval = new JointApprovalDriver(engine, approvals);
    http = new Http(port);
    Clock.set(2026, 8, 3, 9, 0);
  }

  @AfterEach
  void tearDown() {
    Clock.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void aTestStopsTheDepartmentsClockAndTheTotalWhileOthersGoOnThenBothResumeWithWhatTheyHadLeft() throws Exception {
    ProcessInstance restaurant = acceptedCase("检测甲店");
    String caseNumber = approval.caseNumber(restaurant);
    Clock.set(2026, 8, 4, 10, 0);

    Http.Response started = http.post("market", path(caseNumber), TESTING);

    assertThat(started.status()).as(started.body()).isEqualTo(200);
    JsonNode period = JSON.readTree(started.body());
    assertThat(period.get("kind").asText()).isEqualTo("testing");
    assertThat(period.get("expectedEnd").asText()).isEqualTo("2026-08-11T23:59:59.000+08:00");
    // one of 5 days used (08-04): 4 left, counted after the expected end 08-11 → 08-17; the total: 9 left → 08-24
    assertThat(approval.reviewTask(restaurant, "market").getDueDate()).isEqualTo(endOf(2026, 8, 17));
    assertThat(approval.departmentTimer(restaurant, "reviewOverdueTimer", "market").isSuspended()).as("its timers wait").isTrue();
    assertThat(approval.departmentTimer(restaurant, "reviewReminderTimer", "market").isSuspended()).isTrue();
    assertThat(approval.timers(restaurant, "caseOverdueTimer")).singleElement().satisfies(job -> {
      assertThat(job.isSuspended()).isTrue();
      assertThat(job.getDuedate()).isEqualTo(endOf(2026, 8, 24));
    });
    assertThat(approval.reviewTask(restaurant, "fire").getDueDate()).as("other departments go on").isEqualTo(endOf(2026, 8, 12));
    assertThat(approval.departmentTimer(restaurant, "reviewOverdueTimer", "fire").isSuspended()).isFalse();
    assertThat(notices.ofCase(caseNumber)).filteredOn(notice -> notice.kind() == NoticeKind.EXCLUDED_TIME).singleElement()
        .satisfies(notice -> assertThat(notice.body()).contains("市场监管局需进行检验检测检疫", "预计 5 个工作日", "2026年8月11日", "第四十五条"));

    Clock.set(2026, 8, 11, 10, 0);  // after market's original limit (08-10): not overdue, its clock stands
    CaseView view = caseViews.staffView(caseNumber);
    assertThat(view.departments()).filteredOn(department -> department.department().equals("market")).singleElement()
        .satisfies(department -> assertThat(department.overdue()).isFalse());
    assertThat(view.excludedPeriods()).singleElement().satisfies(open -> assertThat(open.endedAt()).isNull());

    Clock.set(2026, 8, 7, 10, 0);  // the result arrives early, on Friday 08-07
    Http.Response ended = http.post("market", path(caseNumber) + "/" + period.get("id").asLong() + "/end", "{\"result\": \"检测合格\"}");

    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    // market: 4 left from 08-07 → 08-13; the total: 9 left from 08-07 → 08-20
    assertThat(approval.reviewTask(restaurant, "market").getDueDate()).isEqualTo(endOf(2026, 8, 13));
    assertThat(approval.departmentTimer(restaurant, "reviewOverdueTimer", "market").isSuspended()).isFalse();
    assertThat(approval.departmentTimer(restaurant, "reviewOverdueTimer", "market").getDuedate()).isEqualTo(endOf(2026, 8, 13));
    assertThat(approval.departmentTimer(restaurant, "reviewReminderTimer", "market").getDuedate()).isEqualTo(Clock.at(2026, 8, 13, 0, 0));
    assertThat(approval.timers(restaurant, "caseOverdueTimer")).singleElement().satisfies(job -> {
      assertThat(job.isSuspended()).isFalse();
      assertThat(job.getDuedate()).isEqualTo(endOf(2026, 8, 20));
    });
    assertThat(caseViews.staffView(caseNumber).caseDue()).isEqualTo(endOf(2026, 8, 20));
    assertThat(http.post("market", path(caseNumber) + "/" + period.get("id").asLong() + "/end", "{\"result\": \"again\"}").status())
        .isEqualTo(409);
    Http.Response trail = EngineApi.webapp(port).get("supervisor", "/camunda/api/cockpit/plugin/jingzhi-supervision/default/trail/" + caseNumber);
    assertThat(trail.body()).contains("检验检测检疫（预计 5 个工作日），不计入时限：暂停计时", "检验检测检疫结束（检测合格）：恢复计时");
    String queryCode = (String) engine.getRuntimeService().getVariable(restaurant.getId(), "queryCode");
    JsonNode publicView = JSON.readTree(http.get(null, "/api/public/cases/" + caseNumber + "?queryCode=" + queryCode).body());
    assertThat(publicView.at("/excludedTime/0/kind").asText()).isEqualTo("检验检测检疫");
  }

  @Test
  void theTotalRunsAgainOnlyWhenNoDepartmentsPeriodHoldsIt() {
    ProcessInstance restaurant = acceptedCase("检测乙店");
    String caseNumber = approval.caseNumber(restaurant);
    Clock.set(2026, 8, 4, 10, 0);
    long market = idOf(http.post("market", path(caseNumber), TESTING));
    long fire = idOf(http.post("fire", path(caseNumber), "{\"kind\": \"hearing\", \"expectedWorkingDays\": 3, \"reason\": \"听证\"}"));

    Clock.set(2026, 8, 6, 10, 0);
    assertThat(http.post("market", path(caseNumber) + "/" + market + "/end", "{\"result\": \"合格\"}").status()).isEqualTo(200);
    assertThat(approval.timers(restaurant, "caseOverdueTimer").get(0).isSuspended()).as("fire's hearing still holds it").isTrue();

    Clock.set(2026, 8, 7, 10, 0);
    assertThat(http.post("market", path(caseNumber) + "/" + fire + "/end", "{\"result\": \"不是我的\"}").status()).isEqualTo(403);
    assertThat(http.post("fire", path(caseNumber) + "/" + fire + "/end", "{\"result\": \"听证结束\"}").status()).isEqualTo(200);
    assertThat(approval.timers(restaurant, "caseOverdueTimer")).singleElement().satisfies(job -> {
      assertThat(job.isSuspended()).isFalse();
      assertThat(job.getDuedate()).as("9 left since 08-04, from 08-07").isEqualTo(endOf(2026, 8, 20));
    });
  }

  @Test
  void aDecisionEndsTheOpenPeriodAndTheTotalRunsAgain() {
    ProcessInstance restaurant = acceptedCase("检测丙店");
    String caseNumber = approval.caseNumber(restaurant);
    Clock.set(2026, 8, 4, 10, 0);
    assertThat(http.post("market", path(caseNumber), TESTING).status()).isEqualTo(200);

    Clock.set(2026, 8, 5, 10, 0);
    approval.review(restaurant, "market", "approved", "符合要求", null);

    assertThat(periods.ofCase(caseNumber)).singleElement().satisfies(period -> {
      assertThat(period.endedAt()).isNotNull();
      assertThat(period.result()).isEqualTo("审查已作出结论");
    });
    assertThat(approval.timers(restaurant, "caseOverdueTimer")).singleElement().satisfies(job -> {
      assertThat(job.isSuspended()).isFalse();
      assertThat(job.getDuedate()).as("9 left from 08-05").isEqualTo(endOf(2026, 8, 18));
    });
  }

  @Test
  void stoppingAndResumingOnTheDueDayGivesNoExtraDay() {
    ProcessInstance restaurant = acceptedCase("检测戊店");
    String caseNumber = approval.caseNumber(restaurant);
    Clock.set(2026, 8, 10, 10, 0);  // market's last day: nothing left after today
    long period = idOf(http.post("market", path(caseNumber), TESTING));
    assertThat(http.post("market", path(caseNumber) + "/" + period + "/end", "{\"result\": \"当天出结果\"}").status()).isEqualTo(200);

    assertThat(approval.reviewTask(restaurant, "market").getDueDate()).isEqualTo(endOf(2026, 8, 10));
    assertThat(approval.timers(restaurant, "caseOverdueTimer").get(0).getDuedate()).isEqualTo(endOf(2026, 8, 17));
  }

  @Test
  void theDatabaseHoldsOneOpenPeriodPerDepartment() {
    ProcessInstance restaurant = acceptedCase("检测己店");
    periods.start(approval.caseNumber(restaurant), restaurant.getId(), "market", ExcludedPeriod.Kind.HEARING, 3, "甲", "market",
        Clock.at(2026, 8, 6, 23, 59), true);

    assertThatThrownBy(() -> periods.start(approval.caseNumber(restaurant), restaurant.getId(), "market", ExcludedPeriod.Kind.TESTING, 3,
        "乙（同时提交）", "market", Clock.at(2026, 8, 6, 23, 59), true)).isInstanceOf(org.jingzhi.web.ConflictException.class);
  }

  @Test
  void badRequestsAreRefusedAndChangeNothing() {
    ProcessInstance restaurant = acceptedCase("检测丁店");
    String caseNumber = approval.caseNumber(restaurant);

    Http.Response unknownKind = http.post("market", path(caseNumber), "{\"kind\": \"picnic\", \"expectedWorkingDays\": 5, \"reason\": \"x\"}");
    assertThat(unknownKind.status()).isEqualTo(400);
    assertThat(unknownKind.body()).contains("hearing（听证）", "expert-review（专家评审）");
    assertThat(http.post("market", path(caseNumber), "{\"kind\": \"hearing\", \"expectedWorkingDays\": 0, \"reason\": \"x\"}").status())
        .isEqualTo(400);
    assertThat(http.post("market", path(caseNumber), "{\"kind\": \"hearing\", \"expectedWorkingDays\": 5}").status()).isEqualTo(400);
    assertThat(http.post("health", path(caseNumber), TESTING).status()).as("not reviewing this case").isEqualTo(409);
    assertThat(http.post("market", path("LH-20990101-999999"), TESTING).status()).isEqualTo(404);
    assertThat(http.post("market", path(caseNumber) + "/999999/end", "{\"result\": \"x\"}").status()).isEqualTo(404);
    assertThat(periods.ofCase(caseNumber)).isEmpty();
    assertThat(approval.reviewTask(restaurant, "market").getDueDate()).isEqualTo(endOf(2026, 8, 10));

    assertThat(http.post("market", path(caseNumber), TESTING).status()).isEqualTo(200);
    assertThat(http.post("market", path(caseNumber), TESTING).status()).as("one at a time").isEqualTo(409);
    assertThat(periods.ofCase(caseNumber)).hasSize(1);
  }

  private long idOf(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    try {
      return JSON.readTree(response.body()).get("id").asLong();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String path(String caseNumber) {
    return "/api/joint-approvals/" + caseNumber + "/excluded-periods";
  }

  private ProcessInstance acceptedCase(String projectName) {
    ProcessInstance instance = approval.submit("restaurant-opening", projectName);
    approval.accept(instance);
    return instance;
  }
}
