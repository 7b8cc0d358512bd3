package org.jingzhi.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhi.support.NotificationStubs.MAIL;
import static org.jingzhi.support.NotificationStubs.SMS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jingzhi.approval.ApplicationRequest;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.escalation.EscalationDriver;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.SmsGatewayStub;
import org.jingzhi.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The right people receive the right texts: SMS through the gateway stub, e-mail through GreenMail, units in the platform. */
@IntegrationTest
class NoticeDeliveryTest {

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
  NoticeDispatcher dispatcher;
  @Autowired
  JdbcTemplate jdbc;

  JointApprovalDriver approval;
  EscalationDriver escalation;
  Http http;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
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

  static String newMobile() {
    return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  @Test
  void aJointApprovalCaseTellsItsApplicantBySmsAndEmailAndItsUnitsInThePlatformAndByEmail() throws Exception {
    String phone = newMobile();
    String email = "applicant-" + phone + "@example.cn";
    ProcessInstance instance = submit("通知甲店", phone, email);
    String caseNumber = approval.caseNumber(instance);
    String queryCode = (String) engine.getRuntimeService().getVariable(instance.getId(), "queryCode");
    approval.accept(instance);
    approval.approve(instance, "market", "fire", "ecology");
    approval.fire(approval.departmentTimer(instance, "reviewReminderTimer", "urban"));
    approval.approve(instance, "urban");
    approval.issueResult(instance);

    dispatcher.dispatchDue();

    List<SmsGatewayStub.Sms> sms = SMS.to(phone);
    assertThat(sms).extracting(SmsGatewayStub.Sms::templateCode).containsExactly("SMS_JZ_0001", "SMS_JZ_0007");
    assertThat(sms.get(0).parameters()).containsEntry("caseNumber", caseNumber).containsEntry("queryCode", queryCode)
        .containsEntry("projectName", "通知甲店").containsEntry("matterName", "餐饮店开业一件事");
    assertThat(sms.get(1).parameters().get("summary")).contains("准予许可");
    assertThat(sms).extracting(SmsGatewayStub.Sms::signName).containsOnly("示范市政务服务");
    assertThat(SMS.badSignatures()).isZero();

    assertThat(mailTo(email)).extracting(MimeMessage::getSubject).containsExactly("受理通知：通知甲店", "准予许可决定：通知甲店");
    assertThat((String) mailTo(email).get(0).getContent()).contains("受理编号 " + caseNumber, "查询码 " + queryCode);
    assertThat(mailedText("urban@demo-city.gov.cn")).contains("催办：城市管理局审查：通知甲店");

    assertThat(jdbc.queryForList("SELECT status FROM jz_notice WHERE case_number = ?", String.class, caseNumber)).containsOnly("SENT");
    JsonNode inbox = JSON.readTree(http.get("urban", "/api/notices?unread=true").body());
    assertThat(inbox.findValuesAsText("title")).contains("催办：城市管理局审查：通知甲店");
    assertThat(inbox.findValuesAsText("unit")).containsOnly("urban");
  }

  @Test
  void aLineBreakInAClientsTextCannotAddAnEmailHeader() throws Exception {
    String phone = newMobile();
    String email = "header-" + phone + "@example.cn";
    ProcessInstance instance = submit("Header test\r\nBcc: thief@example.cn", phone, email);
    approval.accept(instance);

    dispatcher.dispatchDue();

    List<MimeMessage> sent = Arrays.stream(MAIL.getReceivedMessages()).filter(message -> subject(message).contains("Header test")).toList();
    assertThat(sent).as("one copy, to the applicant only").hasSize(1);
    assertThat(sent.get(0).getHeader("Bcc")).isNull();
    assertThat(sent.get(0).getSubject()).isEqualTo("受理通知：Header test Bcc: thief@example.cn");
  }

  private static String subject(MimeMessage message) {
    try {
      return String.valueOf(message.getSubject());
    } catch (Exception e) {
      return "";
    }
  }

  @Test
  void anEventTellsItsReporterItsNumberAndResultAndItsSummonedDepartmentInThePlatformAndByEmail() throws Exception {
    String phone = newMobile();
    ReportedEvent event = escalation.reportFrom("李女士", phone);
    escalation.summon("liuan", event, "urban");
    Task report = escalation.reportTasks(event).get(0);
    escalation.reportOnSite("urban", report);
    escalation.act("liuan", event, "resolve", "占道摊位已清理，设置了提示牌");

    dispatcher.dispatchDue();

    List<SmsGatewayStub.Sms> sms = SMS.to(phone);
    assertThat(sms).extracting(SmsGatewayStub.Sms::templateCode).containsExactly("SMS_JZ_0010", "SMS_JZ_0011");
    assertThat(sms.get(0).parameters()).containsEntry("eventNumber", event.eventNumber()).containsEntry("categoryName", "占道经营");
    assertThat(sms.get(1).parameters()).containsEntry("result", "占道摊位已清理，设置了提示牌");
    assertThat(sms.get(1).parameters().get("link")).matches("http://localhost:8080/visit/#[A-Za-z0-9_-]{43}");

    Task visit = escalation.parentTask(event, "returnVisit");
    assertThat(visit.getFollowUpDate()).as("the operator phones once the link has closed: the next working day's end")
        .isEqualTo(Clock.endOf(2026, 6, 9));
    assertThat(mailedText("urban@demo-city.gov.cn")).contains("吹哨报到：占道经营（" + event.eventNumber() + "）");
    JsonNode inbox = JSON.readTree(http.get("urban", "/api/notices").body());
    assertThat(inbox.findValuesAsText("title")).contains("吹哨报到：占道经营（" + event.eventNumber() + "）");
    Http.Response trail = EngineApi.webapp(port).get("supervisor",
        "/camunda/api/cockpit/plugin/jingzhi-supervision/default/trail/" + event.eventNumber());
    assertThat(trail.body()).as("staff never see the citizen's link").doesNotContain(sms.get(1).parameters().get("link"))
        .contains("反映人（短信，已发出）");
  }

  @Test
  void aUnitReadsItsNoticesNewestFirstAndMarksThemRead() throws Exception {
    ReportedEvent event = escalation.reportFrom("李女士", newMobile());
    escalation.summon("liuan", event, "water");
    String title = "吹哨报到：占道经营（" + event.eventNumber() + "）";
    long unreadBefore = JSON.readTree(http.get("water", "/api/notices/unread").body()).get("total").asLong();
    assertThat(unreadBefore).isPositive();

    JsonNode list = JSON.readTree(http.get("water", "/api/notices?unread=true&size=5").body());
    assertThat(list.get(0).get("title").asText()).isEqualTo(title);
    long id = list.get(0).get("id").asLong();
    assertThat(http.get("market", "/api/notices?unit=water").status()).as("another unit's list").isEqualTo(403);
    assertThat(http.post("market", "/api/notices/" + id + "/read", "").status()).as("another unit's notice").isEqualTo(404);
    assertThat(http.get("water", "/api/notices?size=0").status()).isEqualTo(400);

    assertThat(http.post("water", "/api/notices/" + id + "/read", "").status()).isEqualTo(204);
    JsonNode unread = JSON.readTree(http.get("water", "/api/notices/unread").body());
    assertThat(unread.get("total").asLong()).isEqualTo(unreadBefore - 1);
    assertThat(unread.get("units").get("water").asLong()).isEqualTo(unreadBefore - 1);
    JsonNode read = JSON.readTree(http.get("water", "/api/notices?size=5").body());
    assertThat(read.get(0).get("readBy").asText()).isEqualTo("water");
  }

  private ProcessInstance submit(String project, String phone, String email) {
    Users.actAs(engine.getIdentityService(), "window");
    try {
      String id = approvals.submit(new ApplicationRequest("restaurant-opening", project,
          new ApplicationRequest.Applicant("张三", "11010519491231002X", null, phone, email), List.of("营业执照申请书"))).processInstanceId();
      return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }


  /** Every e-mail's subject and text to the address: a unit's notice may arrive alone or with others due at once. */
  static String mailedText(String address) {
    StringBuilder text = new StringBuilder();
    for (MimeMessage message : mailTo(address)) {
      try {
        text.append(message.getSubject()).append('\n').append(message.getContent()).append('\n');
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return text.toString();
  }

  static List<MimeMessage> mailTo(String address) {
    return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
      try {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(address));
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }
}
