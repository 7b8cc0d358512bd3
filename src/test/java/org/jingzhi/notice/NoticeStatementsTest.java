package org.jingzhi.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jingzhi.organization.Organization;
import org.jingzhi.support.CountingJdbcTemplate;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.NotificationStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A step's notices, every channel and unit of them, are written in one statement: in a deadline storm a missed limit tells
 * its unit and 效能督查办 (three rows where 效能督查办 has a mailbox), and each statement of a limit counts. Each notice
 * answered carries the id of its own row.
 */
@IntegrationTest
class NoticeStatementsTest {

  @Autowired
  DataSource dataSource;
  @Autowired
  NoticeTexts texts;
  @Autowired
  Organization organization;
  @Autowired
  ObjectProvider<JavaMailSender> mail;
  @Autowired
  Notices shared;
  @Autowired
  NoticeDispatcher dispatcher;

  CountingJdbcTemplate counting;
  Notices counted;

  @BeforeEach
  void setUp() {
    NotificationStubs.sendAllDue(dispatcher);
    counting = new CountingJdbcTemplate(dataSource);
    counted = new Notices(counting, texts, organization, mail);
  }

  @Test
  void aMissedLimitTellsItsUnitAndTheSupervisionOfficeInOneStatement() {
    String number = "SP-STMT-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> parameters = Map.of("subject", "市场监管局审查：一句店", "unitName", "市市场监督管理局", "due", "2026年6月5日 23:59",
        "caseNumber", number);

    List<Notice> told = counted.tellUnits(NoticeKind.SUPERVISION, List.of(
        new UnitNotice(Cause.of("test-" + number, number), "market", NoticeTemplate.OVERDUE, parameters),
        new UnitNotice(Cause.of("test-" + number, number), "supervision", NoticeTemplate.SUPERVISION, parameters)));

    assertThat(counting.statements()).as("statements for three notices").isEqualTo(1);
    assertThat(told).extracting(Notice::recipient, Notice::channel).containsExactly(
        tuple("market", Notice.Channel.IN_APP),
        tuple("supervision", Notice.Channel.IN_APP),
        tuple("supervision", Notice.Channel.EMAIL));
    assertThat(told).as("each notice answered is its own row").allSatisfy(notice -> assertThat(shared.byId(notice.id())).hasValue(notice));
    assertThat(shared.ofCase(number)).hasSize(3);
  }

  @Test
  void aPersonsSmsAndEmailAreWrittenInOneStatement() {
    String number = "SP-STMT-" + UUID.randomUUID().toString().substring(0, 8);

    List<Notice> told = counted.tellPerson(Cause.of("test-" + number, number), NoticeKind.ACCEPTANCE,
        Person.applicant("13912345678", "applicant@example.com"), NoticeTemplate.CASE_ACCEPTED, Map.of("projectName", "一句店", "matterName", "餐饮店开业", "caseNumber", number, "queryCode", "Q1"));

    assertThat(counting.statements()).isEqualTo(1);
    assertThat(told).extracting(Notice::channel).containsExactly(Notice.Channel.SMS, Notice.Channel.EMAIL);
    assertThat(told).allSatisfy(notice -> assertThat(shared.byId(notice.id())).hasValue(notice));
  }

  /** A step that tells once looks its notices up first: told again, it answers the same rows and writes nothing. */
  @Test
  void aNoticeToldOnceIsAnsweredFromItsRowAndNotWrittenAgain() {
    String number = "SP-STMT-" + UUID.randomUUID().toString().substring(0, 8);
    Cause once = new Cause("test-" + number, number, "REMINDER:" + number + ":urban", true);
    Map<String, String> parameters = Map.of("subject", "城市管理局审查：一句店");

    List<Notice> first = counted.tellUnit(once, NoticeKind.REMINDER, "urban", NoticeTemplate.REVIEW_REMINDER, parameters);
    assertThat(counting.statementsSinceLast()).as("a look-up for each channel, one insert").isEqualTo(3);
    List<Notice> again = counted.tellUnit(once, NoticeKind.REMINDER, "urban", NoticeTemplate.REVIEW_REMINDER, parameters);

    assertThat(counting.statements()).as("the look-ups alone").isEqualTo(2);
    assertThat(again).extracting(Notice::id).containsExactlyElementsOf(first.stream().map(Notice::id).toList());
    assertThat(shared.ofCase(number)).hasSize(2);
  }
}
