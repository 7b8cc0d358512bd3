package org.jingzhi.deadlines;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The record of deadlines moved by the platform ({@code jz_deadline_change}), part of each case's audit trail. */
@Component
public class DeadlineChanges {

  private final JdbcTemplate jdbc;

  DeadlineChanges(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(List<DeadlineMove> moves, String cause, String user, Date at) {
    jdbc.batchUpdate("INSERT INTO jz_deadline_change (case_number, process_instance_id, kind, subject, task_id, old_due, new_due, cause,"
        + " changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", moves.stream().map(move -> new Object[] {
        move.caseNumber(), move.processInstanceId(), move.kind(), abbreviated(move.subject(), 500), move.taskId(), timestamp(move.from()),
        timestamp(move.to()), abbreviated(cause, 500), user, timestamp(at)}).toList());
  }

  /** The moves of a case or event, oldest first. */
  public List<Change> ofCase(String caseNumber) {
    return jdbc.query("SELECT kind, subject, task_id, old_due, new_due, cause, changed_by, changed_at FROM jz_deadline_change"
        + " WHERE case_number = ? ORDER BY id", (row, index) -> new Change(row.getString(1), row.getString(2), row.getString(3),
        date(row.getTimestamp(4)), date(row.getTimestamp(5)), row.getString(6), row.getString(7), date(row.getTimestamp(8))), caseNumber);
  }

  /** One recorded move: what, from when to when, why, by whom and when. */
  public record Change(String kind, String subject, String taskId, Date from, Date to, String cause, String changedBy, Date changedAt) {
  }

  private static String abbreviated(String text, int length) {
    return text.length() > length ? text.substring(0, length - 1) + "…" : text;
  }

  private static Timestamp timestamp(Date date) {
    return new Timestamp(date.getTime());
  }

  private static Date date(Timestamp timestamp) {
    return timestamp == null ? null : new Date(timestamp.getTime());
  }
}
