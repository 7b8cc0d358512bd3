package org.jingzhi.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The excluded periods of cases ({@code jz_excluded_period}). */
@Component
public class ExcludedPeriods {

  private static final String COLUMNS = "id, case_number, process_instance_id, unit, kind, expected_days, reason, started_by, started_at,"
      + " expected_end, ended_by, ended_at, result";

  private final JdbcTemplate jdbc;

  ExcludedPeriods(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long start(String caseNumber, String processInstanceId, String unit, ExcludedPeriod.Kind kind, int expectedDays, String reason,
             String user, Date expectedEnd) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO jz_excluded_period (case_number, process_instance_id, unit, kind, expected_days,"
          + " reason, started_by, started_at, expected_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      statement.setString(1, caseNumber);
      statement.setString(2, processInstanceId);
      statement.setString(3, unit);
      statement.setString(4, kind.name());
      statement.setInt(5, expectedDays);
      statement.setString(6, reason);
      statement.setString(7, user);
      statement.setTimestamp(8, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      statement.setTimestamp(9, new Timestamp(expectedEnd.getTime()));
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  /** Ends the period; false when it had ended already (another request won). */
  boolean end(ExcludedPeriod period, String user, String result) {
    return jdbc.update("UPDATE jz_excluded_period SET ended_by = ?, ended_at = ?, result = ? WHERE id = ? AND ended_at IS NULL", user,
        new Timestamp(ClockUtil.getCurrentTime().getTime()), result, period.id()) == 1;
  }

  public Optional<ExcludedPeriod> open(String processInstanceId, String unit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM jz_excluded_period WHERE process_instance_id = ? AND unit = ? AND ended_at IS NULL",
        ExcludedPeriods::period, processInstanceId, unit).stream().findFirst();
  }

  public Optional<ExcludedPeriod> byId(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM jz_excluded_period WHERE id = ?", ExcludedPeriods::period, id).stream().findFirst();
  }

  /** The periods of a case, oldest first. */
  public List<ExcludedPeriod> ofCase(String caseNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM jz_excluded_period WHERE case_number = ? ORDER BY id", ExcludedPeriods::period, caseNumber);
  }

  private static ExcludedPeriod period(ResultSet row, int index) throws SQLException {
    return new ExcludedPeriod(row.getLong("id"), row.getString("case_number"), row.getString("process_instance_id"), row.getString("unit"),
        ExcludedPeriod.Kind.valueOf(row.getString("kind")), row.getInt("expected_days"), row.getString("reason"), row.getString("started_by"),
        date(row.getTimestamp("started_at")), date(row.getTimestamp("expected_end")), row.getString("ended_by"),
        date(row.getTimestamp("ended_at")), row.getString("result"));
  }

  private static Date date(Timestamp timestamp) {
    return timestamp == null ? null : new Date(timestamp.getTime());
  }
}
