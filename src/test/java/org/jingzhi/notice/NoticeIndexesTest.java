package org.jingzhi.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.PostgresPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every index of the outbox is kept up by every notice written and every delivery, a deadline storm's thousands of them
 * included, so each one is there for a query that reads it. An index no query reads is dropped (V21: the list of
 * undelivered notices by {@code delivered_at}, replaced by the outbox's status in V10).
 */
@IntegrationTest
class NoticeIndexesTest {

  /** Each of our indexes of {@code jz_notice} (besides its key and the idempotency key's) and a query that reads it. */
  static final Map<String, String> READERS = Map.of(
      "jz_notice_case", "Notices.ofCase: a case's notices for its trail",
      "jz_notice_instance_kind", "DeadlineMonitor: a task's reminders",
      "jz_notice_kind_created", "Notices.countSince: notices of a kind since a moment",
      "jz_notice_due", "UndeliveredNotices and OperationsMetrics: notices by status",
      "jz_notice_inbox", "UnitInbox: a unit's list and its unread count",
      "jz_notice_to_send", "NoticeDispatcher.CLAIM: the oldest notice due",
      "jz_notice_unit_emails", "NoticeDispatcher.CLAIM_UNIT_EMAILS: a mailbox's unit e-mails due");

  @Autowired
  DataSource dataSource;

  @Test
  void theOutboxHasAnIndexForEachQueryAndNoneBesides() {
    assertThat(ourIndexes()).containsExactlyInAnyOrderElementsOf(READERS.keySet());
  }

  private List<String> ourIndexes() {
    String sql = PostgresPlans.onPostgres(dataSource)
        ? "SELECT indexname FROM pg_indexes WHERE tablename = 'jz_notice' AND schemaname = current_schema()"
        : "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'JZ_NOTICE' AND TABLE_SCHEMA = SCHEMA()";
    return new JdbcTemplate(dataSource).queryForList(sql, String.class).stream().map(String::toLowerCase)
        .filter(name -> !isKeyIndex(name))
        .toList();
  }

  /** The primary key's index (PostgreSQL: jz_notice_pkey, H2: PRIMARY_KEY_…) or the idempotency key's (jz_notice_once…). */
  private static boolean isKeyIndex(String name) {
    return name.equals("jz_notice_pkey") || name.startsWith("primary_key") || name.startsWith("jz_notice_once");
  }
}
