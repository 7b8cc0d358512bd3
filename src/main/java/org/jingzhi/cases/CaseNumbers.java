package org.jingzhi.cases;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.calendar.CalendarProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issues case numbers such as {@code LH-20260918-000042}: a series prefix, the day of issue and a
 * counter that never repeats. The counter row is locked by the update, so concurrent cases get
 * different numbers; a rolled-back case leaves a gap, as paper registers do. Every number issued is kept with its process
 * instance ({@code jz_case_number}), whose key refuses a number twice even if a counter were set back.
 */
@Component
public class CaseNumbers {

  public static final String JOINT_APPROVAL = "LH";
  public static final String EVENT = "SJ";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  public CaseNumbers(JdbcTemplate jdbc, CalendarProperties calendar) {
    this.jdbc = jdbc;
    this.zone = calendar.getZone();
  }

  public String next(String series, String processInstanceId) {
    int updated = jdbc.update("UPDATE jz_case_counter SET last_value = last_value + 1 WHERE series = ?", series);
    if (updated != 1) {
      throw new IllegalStateException("No counter for case number series " + series);
    }
    Long value = jdbc.queryForObject("SELECT last_value FROM jz_case_counter WHERE series = ?", Long.class, series);
    String day = ClockUtil.getCurrentTime().toInstant().atZone(zone).format(DAY);
    String number = String.format("%s-%s-%06d", series, day, value);
    jdbc.update("INSERT INTO jz_case_number (number, process_instance_id, issued_at) VALUES (?, ?, ?)", number, processInstanceId,
        new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime()));
    return number;
  }
}
