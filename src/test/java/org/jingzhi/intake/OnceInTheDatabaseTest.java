package org.jingzhi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.util.Date;
import java.util.UUID;
import org.jingzhi.supervision.OverdueRecord;
import org.jingzhi.supervision.OverdueRecords;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The unique keys that make "once" true in the database, each tried twice. */
@IntegrationTest
class OnceInTheDatabaseTest {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  OverdueRecords overdueRecords;

  @Test
  void aCaseNumberIsIssuedOnce() {
    String insert = "INSERT INTO jz_case_number (number, process_instance_id, issued_at) VALUES (?, ?, ?)";
    String number = "LH-20990101-" + UUID.randomUUID();
    jdbc.update(insert, number, "p1", new Timestamp(0));

    assertThatThrownBy(() -> jdbc.update(insert, number, "p2", new Timestamp(0))).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aMissedLimitIsRecordedOnce() {
    Date due = new Date(4_102_444_799_000L);
    String instance = "once-" + UUID.randomUUID();
    OverdueRecord record = new OverdueRecord(null, OverdueRecord.TASK, "joint-approval", instance, "LH-20991231-000001", "fire", null,
        "markReviewOverdue", null, "消防救援支队审查：一次", due, new Date());

    assertThat(overdueRecords.add(record, "scope-1")).isTrue();
    assertThat(overdueRecords.add(record, "scope-1")).as("the same timer's job again").isFalse();
    assertThat(overdueRecords.add(record, "scope-2")).as("another review of the same department").isTrue();
    assertThatThrownBy(() -> jdbc.update("INSERT INTO jz_overdue (scope, process_key, process_instance_id, unit, activity_id, subject, due_at,"
        + " recorded_at, scope_instance_id) VALUES ('TASK', 'joint-approval', ?, 'fire', 'markReviewOverdue', 'x', ?, ?, 'scope-1')",
        instance, new Timestamp(due.getTime()), new Timestamp(0))).as("two transactions at once").isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aStepsNoticeAndAClockAreKeptOnce() {
    String notice = "INSERT INTO jz_notice (kind, recipient_kind, recipient, title, body, created_at, idempotency_key) VALUES"
        + " ('REMINDER', 'UNIT', 'fire', 't', 'b', ?, ?)";
    String key = "REMINDER:" + UUID.randomUUID() + ":remindDepartment:fire";
    jdbc.update(notice, new Timestamp(0), key);
    assertThatThrownBy(() -> jdbc.update(notice, new Timestamp(0), key)).isInstanceOf(DuplicateKeyException.class);

    String clock = "INSERT INTO jz_clock (id, process_instance_id, execution_id, variable_name, started_at, working_days, extension_days,"
        + " due_at, provisional, status) VALUES (?, 'once-p', ?, 'caseDue', ?, 10, 0, ?, FALSE, 'RUNNING')";
    String execution = "once-" + UUID.randomUUID();
    jdbc.update(clock, UUID.randomUUID().toString(), execution, new Timestamp(0), new Timestamp(0));
    assertThatThrownBy(() -> jdbc.update(clock, UUID.randomUUID().toString(), execution, new Timestamp(0), new Timestamp(0)))
        .isInstanceOf(DuplicateKeyException.class);
  }
}
