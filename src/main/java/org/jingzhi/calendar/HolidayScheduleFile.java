package org.jingzhi.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one year's schedule from its YAML file (see {@code src/main/resources/calendar/2026.yaml}). */
public final class HolidayScheduleFile {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private HolidayScheduleFile() {
  }

  public static HolidaySchedule read(InputStream in) throws IOException {
    Content content = YAML.readValue(in, Content.class);
    if (content.year == null) {
      throw new IllegalArgumentException("a holiday schedule needs its year");
    }
    Map<LocalDate, String> holidays = new HashMap<>();
    for (Holiday holiday : nullToEmpty(content.holidays)) {
      LocalDate to = holiday.to == null ? holiday.from : holiday.to;
      if (holiday.from == null || to.isBefore(holiday.from)) {
        throw new IllegalArgumentException("holiday " + holiday.name + " has no valid from/to dates");
      }
      for (LocalDate day = holiday.from; !day.isAfter(to); day = day.plusDays(1)) {
        holidays.put(day, holiday.name);
      }
    }
    Set<LocalDate> workingWeekends = new HashSet<>();
    for (WorkingWeekend day : nullToEmpty(content.workingWeekends)) {
      workingWeekends.add(day.date);
    }
    return new HolidaySchedule(content.year, holidays, workingWeekends);
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  static class Content {
    public Integer year;
    public List<Holiday> holidays;
    public List<WorkingWeekend> workingWeekends;
  }

  static class Holiday {
    public String name;
    public LocalDate from;
    public LocalDate to;
  }

  static class WorkingWeekend {
    public LocalDate date;
    public String reason;
  }
}
