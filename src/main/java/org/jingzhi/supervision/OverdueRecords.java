package org.jingzhi.supervision;

import java.sql.Timestamp;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The table {@code jz_overdue}: every missed time limit, against the unit that missed it. */
@Component
public class OverdueRecords {

  private static final String INSERT = "INSERT INTO jz_overdue (scope, process_key, process_instance_id, case_number, unit, level_name,"
      + " activity_id, task_id, subject, due_at, recorded_at, scope_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  public OverdueRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
        "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
  }

  /**
   * Records a missed limit once: {@code scopeInstanceId} is the activity instance that held the limit's timer (a review, a
   * summons, the event). False when it was recorded already (a timer job run twice). The database keeps it once
   * ({@code jz_overdue_once}): on PostgreSQL the insert itself gives way to a record that exists or is being made by
   * another transaction — one statement; the look-up before it was the costliest statement of a deadline storm (0.5 ms a
   * limit while the table grew by 10,000 rows, its plan made when it was empty). Elsewhere it looks first, and a record
   * made at the same moment by another transaction is refused by the key and that transaction runs again.
   */
  public boolean add(OverdueRecord record, String scopeInstanceId) {
    Object[] row = {record.scope(), record.processKey(), record.processInstanceId(), record.caseNumber(), record.unit(), record.level(),
        record.activityId(), record.taskId(), record.subject(), timestamp(record.dueAt()), timestamp(record.recordedAt()), scopeInstanceId};
    if (postgres) {
      return jdbc.update(INSERT + " ON CONFLICT ON CONSTRAINT jz_overdue_once DO NOTHING", row) == 1;
    }
    Integer recorded = jdbc.queryForObject("SELECT COUNT(*) FROM jz_overdue WHERE process_instance_id = ? AND activity_id = ? AND unit = ?"
            + " AND due_at = ? AND scope_instance_id = ?", Integer.class, record.processInstanceId(), record.activityId(), record.unit(),
        timestamp(record.dueAt()), scopeInstanceId);
    if (recorded != null && recorded > 0) {
      return false;
    }
    jdbc.update(INSERT, row);
    return true;
  }

  public List<OverdueRecord> ofCase(String caseNumber) {
    return jdbc.query("SELECT * FROM jz_overdue WHERE case_number = ? ORDER BY id", ROW, caseNumber);
  }

  /** Unit → the limits it missed that were recorded from {@code from} (included) to {@code until} (excluded), most first. */
  public Map<String, Long> countByUnit(Date from, Date until) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query("SELECT unit, COUNT(*) FROM jz_overdue WHERE recorded_at >= ? AND recorded_at < ? GROUP BY unit ORDER BY COUNT(*) DESC, unit",
        row -> {
          counts.put(row.getString(1), row.getLong(2));
        }, timestamp(from), timestamp(until));
    return counts;
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  private static final RowMapper<OverdueRecord> ROW = (rs, row) -> new OverdueRecord(rs.getLong("id"), rs.getString("scope"),
      rs.getString("process_key"), rs.getString("process_instance_id"), rs.getString("case_number"), rs.getString("unit"),
      rs.getString("level_name"), rs.getString("activity_id"), rs.getString("task_id"), rs.getString("subject"),
      date(rs.getTimestamp("due_at")), date(rs.getTimestamp("recorded_at")));

  private static Date date(Timestamp timestamp) {
    return timestamp == null ? null : new Date(timestamp.getTime());
  }
}
