package org.jingzhi.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.web.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The excluded periods of cases ({@code jz_excluded_period}). */
@Component
public class ExcludedPeriods {

  private static final String COLUMNS = "id, case_number, process_instance_id, unit, kind, expected_days, reason, started_by, started_at,"
      + " expected_end, ended_by, ended_at, result, stopped_case";

  private final JdbcTemplate jdbc;

  ExcludedPeriods(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a period; a second open one of the unit (two requests at once) is a {@link ConflictException}. */
  long start(String caseNumber, String processInstanceId, String unit, ExcludedPeriod.Kind kind, int expectedDays, String reason,
             String user, Date expectedEnd, boolean stoppedCase) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    try {
      insert(key, caseNumber, processInstanceId, unit, kind, expectedDays, reason, user, expectedEnd, stoppedCase);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("本部门已有进行中的不计入时限程序，请先登记其结果");
    }
    return key.getKey().longValue();
  }

  private void insert(GeneratedKeyHolder key, String caseNumber, String processInstanceId, String unit, ExcludedPeriod.Kind kind,
                      int expectedDays, String reason, String user, Date expectedEnd, boolean stoppedCase) {
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO jz_excluded_period (case_number, process_instance_id, unit, kind, expected_days,"
          + " reason, started_by, started_at, expected_end, open_unit, stopped_case) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      statement.setString(1, caseNumber);
      statement.setString(2, processInstanceId);
      statement.setString(3, unit);
      statement.setString(4, kind.name());
      statement.setInt(5, expectedDays);
      statement.setString(6, reason);
      statement.setString(7, user);
      statement.setTimestamp(8, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      statement.setTimestamp(9, new Timestamp(expectedEnd.getTime()));
      statement.setString(10, unit);
      statement.setBoolean(11, stoppedCase);
      return statement;
    }, key);
  }

  /** How many periods the unit has had in the case. */
  int count(String processInstanceId, String unit) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM jz_excluded_period WHERE process_instance_id = ? AND unit = ?", Integer.class,
        processInstanceId, unit);
  }

  /** Ends the period; false when it had ended already (another request won). */
  boolean end(ExcludedPeriod period, String user, String result) {
    return jdbc.update("UPDATE jz_excluded_period SET ended_by = ?, ended_at = ?, result = ?, open_unit = NULL WHERE id = ?"
        + " AND ended_at IS NULL", user,
        new Timestamp(ClockUtil.getCurrentTime().getTime()), result, period.id()) == 1;
  }

  /** The unit's open periods in the case: one at most, as the database holds it. */
  public List<ExcludedPeriod> open(String processInstanceId, String unit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM jz_excluded_period WHERE process_instance_id = ? AND unit = ? AND ended_at IS NULL",
        ExcludedPeriods::period, processInstanceId, unit);
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
        date(row.getTimestamp("ended_at")), row.getString("result"), row.getBoolean("stopped_case"));
  }

  private static Date date(Timestamp timestamp) {
    return timestamp == null ? null : new Date(timestamp.getTime());
  }
}
