package org.jingzhi.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chinese statutory working days: Monday to Friday, minus public holidays, plus the weekend days
 * declared working days. Years without a loaded schedule count weekends only.
 */
public class WorkingDayCalendar {

  public static final int MAX_WORKING_DAYS = 1000;

  private final Map<Integer, HolidaySchedule> schedules = new TreeMap<>();

  public WorkingDayCalendar(Collection<HolidaySchedule> schedules) {
    for (HolidaySchedule schedule : schedules) {
      if (this.schedules.put(schedule.year(), schedule) != null) {
        throw new IllegalArgumentException("Two holiday schedules for " + schedule.year());
      }
    }
  }

  public boolean isWorkingDay(LocalDate day) {
    HolidaySchedule schedule = schedules.get(day.getYear());
    return schedule == null ? !HolidaySchedule.isWeekend(day) : schedule.isWorkingDay(day);
  }

  public boolean hasSchedule(int year) {
    return schedules.containsKey(year);
  }

  public SortedSet<Integer> scheduledYears() {
    return new TreeSet<>(schedules.keySet());
  }

  /** The {@code workingDays}-th working day after {@code start}; the start day itself does not count. */
  public Deadline deadline(LocalDate start, int workingDays) {
    requireCount(workingDays);
    LocalDate day = start;
    boolean provisional = false;
    for (int counted = 0; counted < workingDays; ) {
      day = day.plusDays(1);
      provisional |= !hasSchedule(day.getYear());
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return new Deadline(start, workingDays, day, provisional);
  }

  /** The working day that lies {@code workingDays} working days before {@code day}. */
  public LocalDate workingDaysBefore(LocalDate day, int workingDays) {
    requireCount(workingDays);
    LocalDate result = day;
    for (int counted = 0; counted < workingDays; ) {
      result = result.minusDays(1);
      if (isWorkingDay(result)) {
        counted++;
      }
    }
    return result;
  }

  /** Working days after {@code from} up to and including {@code to}; zero when {@code to} is not after {@code from}. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  private static void requireCount(int workingDays) {
    if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
      throw new IllegalArgumentException("workingDays must be between 1 and " + MAX_WORKING_DAYS + ", was " + workingDays);
    }
  }
}
