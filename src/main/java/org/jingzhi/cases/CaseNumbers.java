package org.jingzhi.cases;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.calendar.CalendarProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issues case numbers such as {@code LH-20260918-000042}: a series prefix, the day of issue and a counter that never
 * repeats, drawn from the series' database sequence ({@code jz_case_number_lh}, {@code jz_case_number_sj}), so that
 * starts at the same moment do not wait for each other's commit; a start that fails after drawing its number leaves a
 * gap, as a torn-out page of a paper register does. Every number that became a case is kept with its process instance
 * ({@code jz_case_number}), whose key refuses a number twice even if a sequence were set back.
 */
@Component
public class CaseNumbers {

  public static final String JOINT_APPROVAL = "LH";
  public static final String EVENT = "SJ";

  private static final Map<String, String> SEQUENCES = Map.of(JOINT_APPROVAL, "jz_case_number_lh", EVENT, "jz_case_number_sj");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  public CaseNumbers(JdbcTemplate jdbc, CalendarProperties calendar) {
    this.jdbc = jdbc;
    this.zone = calendar.getZone();
  }

  public String next(String series, String processInstanceId) {
    String sequence = SEQUENCES.get(series);
    if (sequence == null) {
      throw new IllegalStateException("No sequence for case number series " + series);
    }
    Long value = jdbc.queryForObject("SELECT nextval('" + sequence + "')", Long.class);
    String day = ClockUtil.getCurrentTime().toInstant().atZone(zone).format(DAY);
    String number = String.format("%s-%s-%06d", series, day, value);
    jdbc.update("INSERT INTO jz_case_number (number, process_instance_id, issued_at) VALUES (?, ?, ?)", number, processInstanceId,
        new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime()));
    return number;
  }
}
