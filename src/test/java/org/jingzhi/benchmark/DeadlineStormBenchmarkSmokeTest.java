package org.jingzhi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.notice.NoticeDispatcher;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.NotificationStubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deadline storm's parts on a small storm: two cases' eight review limits fall due in one second and are handled
 * once each (the test context runs no job executor, so the timers run here), a clerk completes a review meanwhile, and
 * the report prints, and the storm's e-mails to the units go out. Measures nothing.
 */
@IntegrationTest
class DeadlineStormBenchmarkSmokeTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;
  @Autowired
  DataSource dataSource;
  @Autowired
  Environment environment;
  @Autowired
  NoticeDispatcher dispatcher;

  DeadlineStorm storm;
  DeadlineStorm working;

  @Test
  void eightLimitsDueInOneSecondAreEachRecordedAndSupervisedOnce() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    storm = new DeadlineStorm(engine, approvals, jdbc, "冒烟风暴");
    working = new DeadlineStorm(engine, approvals, jdbc, "冒烟办理");
    storm.openCases(2, 2);
    List<String> clerkWork = working.openCases(1, 1);

    NotificationStubs.sendAllDue(dispatcher);  // what other tests left due in the suite's shared outbox
    StormNotices.Mark outbox = StormNotices.mark(jdbc, NotificationStubs.MAIL);
    Instant due = storm.fallDue(0);
    assertThat(storm.outcome(due).stillDue()).isEqualTo(8);
    storm.runDueTimersHere();
    DeadlineStormBenchmark.Clerks clerks = new DeadlineStormBenchmark.Clerks(new RestCaseBenchmark.Client(port, "/engine-rest", true), clerkWork);
    clerks.run();

    DeadlineStorm.Outcome outcome = storm.outcome(due);
    assertThat(outcome.done()).isTrue();
    assertThat(outcome.overdueRecords()).isEqualTo(8);
    assertThat(outcome.distinctMisses()).isEqualTo(8);
    assertThat(outcome.supervisionCases()).isEqualTo(8);
    assertThat(outcome.failedJobs()).isZero();
    assertThat(outcome.percentile(0.99)).isBetween(0L, Duration.ofMinutes(5).toMillis());
    assertThat(clerks.count()).isEqualTo(4);
    assertThat(DeadlineStormBenchmark.report(outcome, Duration.ofSeconds(1), clerks, environment))
        .contains("| overdue records written | 8 (distinct misses 8) |", "| supervision cases opened | 8 |");

    NotificationStubs.sendAllDue(dispatcher);
    assertThat(StormNotices.awaitDelivered(jdbc, outbox, due, NotificationStubs.MAIL, Duration.ofSeconds(10)))
        .as("each limit tells 效能督查办 and urban its own misses by e-mail; each mailbox gets them in one")
        .contains("| notices by e-mail, sent / still to send | 10 / 0 |", "| e-mails the SMTP server received | 2 |",
            "| notices in the units' lists | 16 |");
  }

  @AfterEach
  void removeTheCases() {
    if (storm != null) {
      storm.remove();
      working.remove();
    }
  }
}
