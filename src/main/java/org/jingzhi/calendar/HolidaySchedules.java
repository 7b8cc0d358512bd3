package org.jingzhi.calendar;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The holiday schedules in force, shared by every node ({@code jz_holiday_schedule}): each load is a new row and
 * the newest row of a year is that year's schedule; a load of no content withdraws the year's schedule. A
 * counter ({@code jz_calendar_state}) numbers the loads, so a node sees in one read whether its calendar is current.
 */
@Component
public class HolidaySchedules {

  private static final String CURRENT = """
       SELECT s.version, s.schedule_year, s.content, s.source, s.loaded_by, s.loaded_at FROM jz_holiday_schedule s
      WHERE s.version = (SELECT MAX(n.version) FROM jz_holiday_schedule n WHERE n.schedule_year = s.schedule_year)""";

  private final JdbcTemplate jdbc;

  HolidaySchedules(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The newest load; 0 before any. */
  public long version() {
    return jdbc.queryForObject("SELECT version FROM jz_calendar_state WHERE id = 1", Long.class);
  }

  /** The newest load of each year, withdrawn ones included (content null), by year. */
  public List<Loaded> current() {
    return jdbc.query(CURRENT + " ORDER BY s.schedule_year", (row, index) -> new Loaded(row.getLong(1), row.getInt(2), row.getString(3),
        row.getString(4), row.getString(5), new Date(row.getTimestamp(6).getTime())));
  }

  public Optional<Loaded> current(int year) {
    return current().stream().filter(loaded -> loaded.year() == year).findFirst();
  }

  /** The schedules in force, parsed. */
  public List<HolidaySchedule> inForce() {
    List<HolidaySchedule> schedules = new ArrayList<>();
    for (Loaded loaded : current()) {
      if (loaded.content() != null) {
        schedules.add(HolidayScheduleFile.parse(loaded.content()));
      }
    }
    return schedules;
  }

  /** The earliest year loaded or withdrawn after load {@code version}. */
  public Optional<Integer> earliestYearChangedSince(long version) {
    return Optional.ofNullable(jdbc.queryForObject("SELECT MIN(schedule_year) FROM jz_holiday_schedule WHERE version > ?", Integer.class, version));
  }

  /**
   * Records a load of {@code year} (content null: withdrawn) in the caller's transaction and answers its version.
   * Concurrent loads wait for each other on the counter's row.
   */
  public long record(int year, String content, String source, String user, Date at) {
    jdbc.update("UPDATE jz_calendar_state SET version = version + 1 WHERE id = 1");
    long version = version();
    jdbc.update("INSERT INTO jz_holiday_schedule (version, schedule_year, content, source, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?, ?)",
        version, year, content, source, user, new Timestamp(at.getTime()));
    return version;
  }

  /** One load of a year's schedule: its text (null when the load withdrew it), where it came from, who loaded it and when. */
  public record Loaded(long version, int year, String content, String source, String loadedBy, Date loadedAt) {
  }
}
