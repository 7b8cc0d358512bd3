package org.jingzhi.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.PostgresPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dispatcher's claim of the other e-mails due to a unit's mailbox reads that mailbox's notices still to be sent, not
 * the outbox, and is asked at every unit e-mail. Before V19 PostgreSQL read every notice still to be sent — here an SMS
 * backlog — or, with statistics taken after a storm, every e-mail notice ever written, through the units' list index; a
 * city's outbox after years holds millions (README 「Notices」). With V19's index alone the plan still depended on which test
 * ran before: PostgreSQL took status, channel and recipient kind for independent until V20's statistics counted them
 * together.
 */
@IntegrationTest
class UnitEmailClaimPlanTest {

  private static final String MAILBOX = "plan-test@demo-city.gov.cn";

  @Autowired
  DataSource dataSource;

  @Test
  void theClaimReadsTheMailboxsNoticesStillToBeSentAlone() throws Exception {
    assumeTrue(PostgresPlans.onPostgres(dataSource), "PostgreSQL only");

    JsonNode plan = claimPlan();

    JsonNode scan = PostgresPlans.scanOf(plan, "jz_notice");
    assertThat(PostgresPlans.indexesRead(plan)).as(plan.toPrettyString()).containsExactly("jz_notice_unit_emails");
    assertThat(scan.path("Actual Rows").asInt()).as("the mailbox's three due notices, the claimed one left out").isEqualTo(2);
    assertThat(scan.path("Rows Removed by Filter").asInt() + scan.path("Rows Removed by Index Recheck").asInt())
        .as("read and left out: the claimed notice alone; " + plan.toPrettyString()).isEqualTo(1);
  }

  /**
   * The claim's generic plan, run, while the outbox holds 6,000 delivered e-mails (half of them to the mailbox), an SMS
   * backlog of 2,000 and three unit e-mails due to the mailbox and two to another (analyzed as autovacuum would, and
   * rolled back: the shared test database keeps nothing of them).
   */
  private JsonNode claimPlan() throws Exception {
    return PostgresPlans.rolledBack(dataSource, "jz_notice", statement -> {
      notices(statement, 6000, "EMAIL", "UNIT", "CASE WHEN n % 2 = 0 THEN '" + MAILBOX + "' ELSE 'other@demo-city.gov.cn' END", "SENT");
      notices(statement, 2000, "SMS", "APPLICANT", "'13800138000'", "PENDING");
      notices(statement, 3, "EMAIL", "UNIT", "'" + MAILBOX + "'", "PENDING");
      notices(statement, 2, "EMAIL", "UNIT", "'other@demo-city.gov.cn'", "FAILED");
      statement.execute("ANALYZE jz_notice");
      long claimed = firstDue(statement);
      return PostgresPlans.genericPlan(statement, NoticeDispatcher.CLAIM_UNIT_EMAILS,
          List.of("CURRENT_TIMESTAMP::timestamp", "'" + MAILBOX + "'", Long.toString(claimed), "99"), true);
    });
  }

  private static void notices(Statement statement, int count, String channel, String recipientKind, String address, String status)
      throws Exception {
    boolean due = !"SENT".equals(status);
    statement.execute("INSERT INTO jz_notice (kind, recipient_kind, recipient, title, body, created_at, channel, address, status,"
        + " next_attempt_at, delivered_at) SELECT 'PLAN_TEST', '" + recipientKind + "', 'plan-test', '计划测试', '计划测试',"
        + " CURRENT_TIMESTAMP - INTERVAL '1 day', '" + channel + "', " + address + ", '" + status + "', "
        + (due ? "CURRENT_TIMESTAMP - n * INTERVAL '1 second', NULL" : "NULL, CURRENT_TIMESTAMP - INTERVAL '1 day'")
        + " FROM generate_series(1, " + count + ") AS n");
  }

  /** The mailbox's notice the dispatcher's first claim takes: the oldest due. */
  private static long firstDue(Statement statement) throws Exception {
    try (var due = statement.executeQuery("SELECT id FROM jz_notice WHERE address = '" + MAILBOX + "' AND status = 'PENDING'"
        + " ORDER BY next_attempt_at, id LIMIT 1")) {
      due.next();
      return due.getLong(1);
    }
  }
}
