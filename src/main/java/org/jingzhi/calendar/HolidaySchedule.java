package org.jingzhi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * One year's official schedule as published by the State Council: public holidays and the
 * weekend days declared working days (调休).
 */
public record HolidaySchedule(int year, Map<LocalDate, String> holidays, Set<LocalDate> workingWeekends) {

  public HolidaySchedule {
    holidays = Map.copyOf(holidays);
    workingWeekends = Set.copyOf(workingWeekends);
    for (LocalDate day : holidays.keySet()) {
      requireInYear(year, day);
    }
    for (LocalDate day : workingWeekends) {
      requireInYear(year, day);
      if (!isWeekend(day)) {
        throw new IllegalArgumentException(day + " is listed as a working weekend day but is a weekday");
      }
      if (holidays.containsKey(day)) {
        throw new IllegalArgumentException(day + " is listed both as a holiday and as a working day");
      }
    }
  }

  public boolean isWorkingDay(LocalDate day) {
    if (holidays.containsKey(day)) {
      return false;
    }
    return workingWeekends.contains(day) || !isWeekend(day);
  }

  static boolean isWeekend(LocalDate day) {
    DayOfWeek dayOfWeek = day.getDayOfWeek();
    return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
  }

  private static void requireInYear(int year, LocalDate day) {
    if (day.getYear() != year) {
      throw new IllegalArgumentException(day + " does not belong to the schedule of " + year);
    }
  }
}
