package org.jingzhi.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhi.support.NotificationStubs.SMS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.support.Clock;
import org.jingzhi.support.CountingJdbcTemplate;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.NotificationStubs;
import org.jingzhi.support.SmsGatewayStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The outbox under faults: retries with back-off, giving up, retry by hand, two dispatchers, a node dying mid-delivery. */
@IntegrationTest
class NoticeDispatchTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  Notices notices;
  @Autowired
  NoticeDispatcher dispatcher;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DataSource dataSource;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  List<DeliveryChannel> channels;
  @Autowired
  NoticeSettings settings;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    Clock.set(2026, 6, 8, 9, 0);
  }

  @AfterEach
  void tearDown() {
    Clock.reset();
  }

  @Test
  void aFailingGatewayIsRetriedWithExponentialBackOffUntilItRecovers() {
    String phone = NoticeDeliveryTest.newMobile();
    SMS.failNext(phone, 2, 500);
    Notice notice = tell(phone);

    dispatcher.dispatchDue();
    assertThat(row(notice)).satisfies(failed -> {
      assertThat(failed.status()).isEqualTo(Notice.Status.FAILED);
      assertThat(failed.delivery().attempts()).isEqualTo(1);
      assertThat(failed.delivery().lastError()).isEqualTo("短信网关返回 HTTP 500");
      assertThat(failed.delivery().nextAttemptAt()).isEqualTo(Clock.at(2026, 6, 8, 9, 0).toInstant().plusSeconds(30)
          .atZone(Clock.CITY).toInstant()).isNotNull();
    });
    dispatcher.dispatchDue();
    assertThat(row(notice).delivery().attempts()).as("not before its next attempt").isEqualTo(1);

    later(31);
    dispatcher.dispatchDue();
    assertThat(row(notice).delivery().attempts()).isEqualTo(2);
    assertThat(row(notice).delivery().nextAttemptAt()).as("twice as long").isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));

    later(61);
    dispatcher.dispatchDue();
    assertThat(row(notice).status()).isEqualTo(Notice.Status.SENT);
    assertThat(row(notice).delivery().lastError()).isNull();
    assertThat(SMS.to(phone)).hasSize(1);
  }

  @Test
  void aGatewayThatDoesNotAnswerInTimeIsTriedAgain() {
    String phone = NoticeDeliveryTest.newMobile();
    SMS.stallNext(phone, 3000);  // longer than the tests' read timeout (NotificationStubs: 2 s)
    Notice notice = tell(phone);

    dispatcher.dispatchDue();
    assertThat(row(notice).status()).isEqualTo(Notice.Status.FAILED);
    assertThat(row(notice).delivery().lastError()).startsWith("短信网关无应答");

    later(31);
    dispatcher.dispatchDue();
    assertThat(row(notice).status()).isEqualTo(Notice.Status.SENT);
  }

  @Test
  void aNoticeIsGivenUpAfterItsAttemptsListedForSupervisorsAndRetriedByHand() throws Exception {
    String phone = NoticeDeliveryTest.newMobile();
    SMS.failNext(phone, 8, 503);
    Notice notice = tell(phone);
    for (int attempt = 1; attempt <= 8; attempt++) {
      dispatcher.dispatchDue();
      later(3 * 3600);
    }
    assertThat(row(notice).status()).isEqualTo(Notice.Status.GIVEN_UP);
    assertThat(row(notice).delivery().attempts()).isEqualTo(8);

    Http.Response list = http.get("supervisor", "/api/notices/undelivered");
    assertThat(list.status()).isEqualTo(200);
    JsonNode entry = entry(JSON.readTree(list.body()), notice.id());
    assertThat(entry.get("recipient").asText()).as("masked").isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    assertThat(entry.get("lastError").asText()).isEqualTo("短信网关返回 HTTP 503");
    assertThat(list.body()).doesNotContain(phone);
    assertThat(http.get("market", "/api/notices/undelivered").status()).isEqualTo(403);
    assertThat(http.post("market", "/api/notices/" + notice.id() + "/retry", "").status()).isEqualTo(403);

    Http.Response retried = http.post("supervisor", "/api/notices/" + notice.id() + "/retry", "");
    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    assertThat(JSON.readTree(retried.body()).get("status").asText()).isEqualTo("PENDING");
    dispatcher.dispatchDue();
    assertThat(row(notice).status()).isEqualTo(Notice.Status.SENT);
    assertThat(http.post("supervisor", "/api/notices/" + notice.id() + "/retry", "").status()).as("delivered already").isEqualTo(409);
    assertThat(http.post("supervisor", "/api/notices/999999999/retry", "").status()).isEqualTo(404);
  }

  @Test
  void aRefusalNoRetryCanCureAndAnUnknownTemplateAreGivenUpAtOnceWithAClearReason() {
    String phone = NoticeDeliveryTest.newMobile();
    SMS.refuseNext(phone, "isv.MOBILE_NUMBER_ILLEGAL");
    Notice refused = tell(phone);
    Notice unknown = tell(NoticeDeliveryTest.newMobile());
    jdbc.update("UPDATE jz_notice SET template = 'withdrawn-template' WHERE id = ?", unknown.id());

    dispatcher.dispatchDue();

    assertThat(row(refused).status()).isEqualTo(Notice.Status.GIVEN_UP);
    assertThat(row(refused).delivery().lastError()).isEqualTo("短信网关拒绝：isv.MOBILE_NUMBER_ILLEGAL refused");
    assertThat(row(unknown).status()).isEqualTo(Notice.Status.GIVEN_UP);
    assertThat(row(unknown).delivery().lastError()).contains("未知的通知模板「withdrawn-template」");
    assertThat(row(unknown).delivery().attempts()).isEqualTo(1);
  }

  @Test
  void twoDispatchersAtTheSameMomentSendEveryNoticeOnce() throws Exception {
    String phone = NoticeDeliveryTest.newMobile();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(tell(phone).id());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> rounds = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        rounds.add(nodes.submit(() -> {
          start.await();
          return dispatcher.dispatchDue();
        }));
      }
      start.countDown();
      for (Future<Integer> round : rounds) {
        round.get(60, TimeUnit.SECONDS);
      }
    } finally {
      nodes.shutdownNow();
    }
    assertThat(SMS.to(phone)).hasSize(30);
    assertThat(SMS.to(phone)).extracting(SmsGatewayStub.Sms::outId).doesNotHaveDuplicates();
    assertThat(ids).allSatisfy(id -> assertThat(jdbc.queryForObject("SELECT status FROM jz_notice WHERE id = ?", String.class, id))
        .isEqualTo("SENT"));
  }

  @Test
  void aNoticeBeingDeliveredIsSkippedByTheOtherDispatcher() throws Exception {
    for (int i = 0; i < 3; i++) {
      tell(NoticeDeliveryTest.newMobile());  // other cases' notices, due before it (the suite shares one outbox)
    }
    String phone = NoticeDeliveryTest.newMobile();
    SmsGatewayStub.Held held = SMS.holdNext(phone);
    Notice notice = tell(phone);
    ExecutorService node = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> first = node.submit(dispatcher::dispatchDue);
      assertThat(held.arrivedWithin(30)).as("the first dispatcher's request for the notice at the gateway").isTrue();
      dispatcher.dispatchDue();  // the other node, while the first still waits for the gateway
      assertThat(row(notice).status()).isEqualTo(Notice.Status.PENDING);
      held.release();
      first.get(30, TimeUnit.SECONDS);
    } finally {
      node.shutdownNow();
    }
    assertThat(SMS.to(phone)).hasSize(1);
    assertThat(row(notice).status()).isEqualTo(Notice.Status.SENT);
  }

  @Test
  void aNodeThatDiesWhileItHoldsANoticeLosesNothing() throws Exception {
    String phone = NoticeDeliveryTest.newMobile();
    Notice notice = tell(phone);
    try (Connection dying = dataSource.getConnection()) {
      dying.setAutoCommit(false);
      try (Statement claim = dying.createStatement()) {
        claim.executeQuery("SELECT id FROM jz_notice WHERE id = " + notice.id() + " FOR UPDATE");
      }
      dispatcher.dispatchDue();
      assertThat(SMS.to(phone)).as("held by the other node").isEmpty();
      dying.rollback();  // what the database does with the transaction of a node that died
    }
    dispatcher.dispatchDue();
    assertThat(SMS.to(phone)).hasSize(1);
    assertThat(row(notice).status()).isEqualTo(Notice.Status.SENT);
  }

  /** A delivery is its claim, which reads the whole notice, and its outcome: two statements, with the empty claim after. */
  @Test
  void aNoticeIsClaimedAndReadInOneStatement() {
    NotificationStubs.sendAllDue(dispatcher);
    Notice notice = tell(NoticeDeliveryTest.newMobile());
    CountingJdbcTemplate counting = new CountingJdbcTemplate(dataSource);
    NoticeDispatcher counted = new NoticeDispatcher(counting, transactions, channels, settings);

    assertThat(counted.dispatchDue()).isEqualTo(1);

    assertThat(row(notice).status()).as(row(notice).delivery().lastError()).isEqualTo(Notice.Status.SENT);
    assertThat(counting.statements()).as("claim with the notice, mark it sent, find none due").isEqualTo(3);
  }

  /**
   * After a deadline storm 效能督查办 would get an e-mail for every missed limit: a unit's e-mails due at once go as one,
   * each notice still its own row, sent, and in the unit's list.
   */
  @Test
  void aUnitsEmailsDueAtOnceGoAsOneEmail() throws Exception {
    NotificationStubs.sendAllDue(dispatcher);  // what other tests left due in the suite's shared outbox
    int before = NoticeDeliveryTest.mailTo(SUPERVISION_MAILBOX).size();
    List<Notice> emails = List.of(miss("市场监管局审查：甲店"), miss("消防救援支队审查：乙店"), miss("生态环境局审查：丙店"));

    assertThat(dispatcher.dispatchDue()).isEqualTo(3);

    List<MimeMessage> sent = NoticeDeliveryTest.mailTo(SUPERVISION_MAILBOX);
    assertThat(sent).hasSize(before + 1);
    MimeMessage together = sent.get(sent.size() - 1);
    assertThat(together.getSubject()).isEqualTo("3 条通知：督办：市场监管局审查：甲店 等");
    assertThat((String) together.getContent()).contains("共 3 条通知", "1. 督办：市场监管局审查：甲店", "2. 督办：消防救援支队审查：乙店",
        "3. 督办：生态环境局审查：丙店", emails.get(1).body());
    assertThat(emails).allSatisfy(email -> assertThat(row(email).status()).isEqualTo(Notice.Status.SENT));
    assertThat(emails).extracting(email -> row(email).delivery().sentAt()).doesNotContainNull().containsOnly(row(emails.get(0)).delivery().sentAt());
    JsonNode inbox = new ObjectMapper().readTree(http.get("supervisor", "/api/notices?unit=supervision").body());
    assertThat(inbox.findValuesAsText("title")).contains("督办：市场监管局审查：甲店", "督办：消防救援支队审查：乙店", "督办：生态环境局审查：丙店");
  }

  @Test
  void anEmailOfSeveralNoticesThatFailsIsTriedAgainForEachOfThem() {
    NotificationStubs.sendAllDue(dispatcher);
    List<Notice> tried = new ArrayList<>();
    DeliveryChannel refusing = new DeliveryChannel() {
      @Override
      public Notice.Channel channel() {
        return Notice.Channel.EMAIL;
      }

      @Override
      public void deliver(Notice notice) throws DeliveryFailure {
        tried.add(notice);
        throw DeliveryFailure.temporary("邮件服务器未接收：421");
      }
    };
    List<DeliveryChannel> withRefusingMail = new ArrayList<>(channels.stream().filter(channel -> channel.channel() != Notice.Channel.EMAIL).toList());
    withRefusingMail.add(refusing);
    NoticeDispatcher failing = new NoticeDispatcher(jdbc, transactions, withRefusingMail, settings);
    List<Notice> emails = List.of(miss("市场监管局审查：丁店"), miss("城市管理局审查：戊店"));

    assertThat(failing.dispatchDue()).isEqualTo(2);

    assertThat(tried).hasSize(1);
    assertThat(emails).allSatisfy(email -> {
      Notice.Delivery delivery = row(email).delivery();
      assertThat(delivery.status()).isEqualTo(Notice.Status.FAILED);
      assertThat(delivery.attempts()).isEqualTo(1);
      assertThat(delivery.lastError()).isEqualTo("邮件服务器未接收：421");
      assertThat(delivery.nextAttemptAt()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 30_000));
    });
  }

  @Test
  void noticesToAPersonGoOneByOne() throws Exception {
    NotificationStubs.sendAllDue(dispatcher);
    String email = "applicant-" + NoticeDeliveryTest.newMobile() + "@example.cn";
    for (String project : List.of("己店", "庚店")) {
      notices.tellPerson(Cause.of("test-" + project + email, "LH-TEST"), NoticeKind.ACCEPTANCE, Person.applicant(null, email),
          NoticeTemplate.CASE_ACCEPTED, Map.of("projectName", project, "matterName", "餐饮店开业一件事", "caseNumber", "LH-TEST", "queryCode", "Q1"));
    }

    dispatcher.dispatchDue();

    assertThat(NoticeDeliveryTest.mailTo(email)).extracting(MimeMessage::getSubject).containsExactly("受理通知：己店", "受理通知：庚店");
  }

  private static final String SUPERVISION_MAILBOX = "supervision@demo-city.gov.cn";

  /** A missed limit's notice to 效能督查办: answers its e-mail. */
  private Notice miss(String subject) {
    String number = "LH-TEST-" + Integer.toHexString(subject.hashCode()) + "-" + System.nanoTime();
    return notices.tellUnit(Cause.of("test-" + number, number), NoticeKind.SUPERVISION, "supervision", NoticeTemplate.SUPERVISION,
            Map.of("subject", subject, "unitName", "市场监管局", "due", "2026-06-05", "caseNumber", number)).stream()
        .filter(notice -> notice.channel() == Notice.Channel.EMAIL).findFirst().orElseThrow();
  }

  private Notice tell(String phone) {
    String number = "SJ-TEST-" + Integer.toHexString(phone.hashCode());
    return notices.tellPerson(Cause.of("test-" + number, number), NoticeKind.EVENT, Person.reporter(phone),
        NoticeTemplate.EVENT_REGISTERED, Map.of("categoryName", "噪声扰民", "eventNumber", number)).get(0);
  }

  private Notice row(Notice notice) {
    return notices.byId(notice.id()).orElseThrow();
  }

  private static void later(int seconds) {
    Clock.set(new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000L));
  }

  private static JsonNode entry(JsonNode list, long id) {
    for (JsonNode entry : list) {
      if (entry.get("id").asLong() == id) {
        return entry;
      }
    }
    throw new AssertionError("notice " + id + " not listed");
  }
}
