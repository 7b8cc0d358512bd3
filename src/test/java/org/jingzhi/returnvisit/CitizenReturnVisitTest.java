package org.jingzhi.returnvisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.jingzhi.support.NotificationStubs.SMS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jingzhi.escalation.EscalationDriver;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.notice.NoticeDispatcher;
import org.jingzhi.support.Clock;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.SmsGatewayStub;
import org.jingzhi.webapps.Browser;
import org.openqa.selenium.By;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** 短信回访 through its public API: the reporter's answer completes the hotline's task as the operator's would. */
@IntegrationTest
class CitizenReturnVisitTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String LIUAN = "990101001001";
  static final String API = "/api/public/return-visits/";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  Events events;
  @Autowired
  NoticeDispatcher dispatcher;
  @Autowired
  JdbcTemplate jdbc;

  EscalationDriver escalation;
  Http http;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
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
  void theReportersAnswerClosesTheEventAsTheOperatorsWouldAndTheLinkWorksOnce() throws Exception {
    Visit visit = resolvedWithLink("李女士");

    Http.Response page = http.get(null, API + visit.token());
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    JsonNode view = JSON.readTree(page.body());
    assertThat(view.get("eventNumber").asText()).isEqualTo(visit.event().eventNumber());
    assertThat(view.get("categoryName").asText()).isEqualTo("占道经营");
    assertThat(view.get("community").asText()).isEqualTo("柳岸社区");
    assertThat(view.get("result").asText()).isEqualTo("占道摊位已清理");
    assertThat(view.get("reporterName").asText()).isEqualTo("李*士");
    assertThat(page.body()).doesNotContain(visit.phone()).doesNotContain("柳岸路12号").doesNotContain("李女士");

    Http.Response answered = http.post(null, API + visit.token(), "{\"resolved\":\"yes\",\"satisfaction\":\"basicallySatisfied\",\"comment\":\"处理及时\"}");
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    assertThat(JSON.readTree(answered.body()).get("message").asText()).isEqualTo("感谢您的评价！");

    ProcessInstance instance = visit.instance();
    assertThat(instance).isEnded().hasPassed("returnVisit", "closed");
    Map<String, Object> recorded = history(instance);
    assertThat(recorded).containsEntry("satisfaction", "basicallySatisfied").containsEntry("resolved", "yes")
        .containsEntry("visitNote", "市民通过短信链接评价：处理及时");

    Http.Response again = http.post(null, API + visit.token(), "{\"resolved\":\"no\",\"satisfaction\":\"unsatisfied\"}");
    assertThat(again.status()).isEqualTo(410);
    assertThat(JSON.readTree(again.body()).get("message").asText()).isEqualTo("您已评价过，感谢您的反馈");
    assertThat(http.get(null, API + visit.token()).status()).isEqualTo(410);
    assertThat(history(instance)).containsEntry("satisfaction", "basicallySatisfied");
  }

  @Test
  void anUnsatisfiedAnswerIsHandledAgainAsAfterTheOperatorsCall() {
    Visit visit = resolvedWithLink("王先生");
    Http.Response answered = http.post(null, API + visit.token(), "{\"resolved\":\"no\",\"satisfaction\":\"unsatisfied\"}");
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);

    assertThat(visit.instance()).isActive();
    assertThat(escalation.handleTask(visit.event())).as("重办 at the level that resolved it").hasCandidateGroup(LIUAN);
    assertThat(escalation.variable(visit.event(), "unsatisfiedCount")).isEqualTo(1);
  }

  @Test
  void badAnswersAreRefusedInChineseAndLeaveTheLinkOpen() {
    Visit visit = resolvedWithLink("赵女士");
    for (String bad : List.of("{}", "{\"resolved\":\"yes\"}", "{\"resolved\":\"yes\",\"satisfaction\":\"unreachable\"}",
        "{\"resolved\":\"maybe\",\"satisfaction\":\"satisfied\"}", "{\"resolved\":\"yes\",\"satisfaction\":\"satisfied\",\"comment\":\""
            + "很".repeat(501) + "\"}", "not json", "")) {
      Http.Response refused = http.post(null, API + visit.token(), bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.body()).as(bad).containsPattern("[\\u4e00-\\u9fa5]").doesNotContain("Exception");
    }
    assertThat(escalation.parentTask(visit.event(), "returnVisit")).as("still the operator's").isNotNull();
    assertThat(http.get(null, API + visit.token()).status()).isEqualTo(200);
  }

  @Test
  void anExpiredLinkLeavesTheVisitToTheOperatorAndAMalformedOrUnknownOneOpensNothing() throws Exception {
    Visit visit = resolvedWithLink("钱先生");
    Clock.set(2026, 6, 10, 0, 0);  // the link was open until the end of 06-09, the next working day

    Http.Response expired = http.post(null, API + visit.token(), "{\"resolved\":\"yes\",\"satisfaction\":\"satisfied\"}");
    assertThat(expired.status()).isEqualTo(410);
    assertThat(JSON.readTree(expired.body()).get("message").asText()).isEqualTo("评价链接已过期，热线工作人员将电话回访您");
    assertThat(escalation.parentTask(visit.event(), "returnVisit")).as("the operator phones").isNotNull();

    assertThat(http.get(null, API + "not-a-token").status()).isEqualTo(404);
    assertThat(http.get(null, API + "A".repeat(43)).status()).isEqualTo(404);
    assertThat(http.post(null, API + "A".repeat(43), "{\"resolved\":\"yes\",\"satisfaction\":\"satisfied\"}").status()).isEqualTo(404);

    escalation.returnVisit(visit.event(), "satisfied", "yes");
    assertThat(visit.instance()).isEnded();
  }

  @Test
  void whenTheOperatorHasPhonedFirstTheLinkChangesNothing() throws Exception {
    Visit visit = resolvedWithLink("孙女士");
    escalation.returnVisit(visit.event(), "satisfied", "yes");

    Http.Response late = http.post(null, API + visit.token(), "{\"resolved\":\"no\",\"satisfaction\":\"unsatisfied\"}");
    assertThat(late.status()).isEqualTo(410);
    assertThat(JSON.readTree(late.body()).get("message").asText()).isEqualTo("热线工作人员已回访，无需再评价，感谢您的反馈");
    assertThat(history(visit.instance())).containsEntry("satisfaction", "satisfied");
  }

  @Test
  void aReporterWithoutAMobileNumberGetsNoLinkAndTheOperatorPhones() {
    ReportedEvent event = escalation.reportFrom("周先生", null);
    escalation.act("liuan", event, "resolve", "已处理");
    Task visit = escalation.parentTask(event, "returnVisit");
    assertThat(visit.getFollowUpDate()).isNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jz_visit_token WHERE event_number = ?", Integer.class, event.eventNumber())).isZero();
  }

  @Test
  void theReporterAnswersOnAMobilePageInChineseAndTheLinkThenSaysSo() {
    Visit visit = resolvedWithLink("吴女士");
    try (Browser browser = Browser.open(port, "zh-CN")) {
      browser.resize(390, 844);
      browser.go("/visit/#" + visit.token());
      browser.awaitText(By.id("eventNumber"), visit.event().eventNumber());
      assertThat(browser.bodyText()).contains("12345 诉求办理评价", "占道经营", "柳岸社区", "吴*士", "占道摊位已清理")
          .doesNotContain(visit.phone());
      assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("fits a phone").isTrue();

      browser.clickable(By.id("submit")).click();
      browser.awaitText(By.id("formError"), "请选择问题是否已解决和满意程度");
      browser.clickable(By.cssSelector("input[name=resolved][value=yes]")).click();
      browser.clickable(By.cssSelector("input[name=satisfaction][value=satisfied]")).click();
      browser.await(By.id("comment")).sendKeys("社区处理很及时");
      browser.screenshot("return-visit-page");
      browser.clickable(By.id("submit")).click();
      browser.awaitText(By.id("thanks"), "感谢您的评价！");

      assertThat(visit.instance()).isEnded().hasPassed("closed");
      assertThat(history(visit.instance())).containsEntry("satisfaction", "satisfied").containsEntry("visitNote", "市民通过短信链接评价：社区处理很及时");

      browser.go("/visit/?again#" + visit.token());  // a new query: the browser loads the page again
      browser.awaitText(By.id("problem"), "您已评价过，感谢您的反馈");
      browser.go("/visit/?broken#broken");
      browser.awaitText(By.id("problem"), "链接无效，请核对短信中的链接");
    }
  }

  /** An event resolved at the community; its reporter's link, as the SMS carries it. */
  Visit resolvedWithLink(String name) {
    String phone = "136" + String.format("%08d", (int) (Math.random() * 100_000_000));
    ReportedEvent event = escalation.reportFrom(name, phone);
    escalation.act("liuan", event, "resolve", "占道摊位已清理");
    dispatcher.dispatchDue();
    List<SmsGatewayStub.Sms> sms = SMS.to(phone).stream().filter(message -> message.templateCode().equals("SMS_JZ_0011")).toList();
    assertThat(sms).hasSize(1);
    String link = sms.get(0).parameters().get("link");
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(event.processInstanceId()).singleResult();
    return new Visit(event, phone, link.substring(link.indexOf('#') + 1), instance);
  }


  Map<String, Object> history(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableNameIn("satisfaction", "resolved", "visitNote").list().stream().filter(variable -> variable.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> a));
  }

  record Visit(ReportedEvent event, String phone, String token, ProcessInstance instance) {
  }
}
