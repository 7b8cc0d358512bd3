package org.jingzhi.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chinese statutory working days: Monday to Friday, minus public holidays, plus the weekend days
 * declared working days. Years without a loaded schedule count weekends only.
 *
 * <p>The schedules can be replaced while the platform runs ({@link #use}): each answer is computed from one
 * set of schedules, the one in force when it began.
 */
public class WorkingDayCalendar {

  public static final int MAX_WORKING_DAYS = 1000;

  private volatile Snapshot snapshot;

  public WorkingDayCalendar(Collection<HolidaySchedule> schedules) {
    this.snapshot = new Snapshot(byYear(schedules), 0);
  }

  /** From now on, count with these schedules; {@code version} tells which load they come from (0: the files read at start). */
  public void use(Collection<HolidaySchedule> schedules, long version) {
    this.snapshot = new Snapshot(byYear(schedules), version);
  }

  public long version() {
    return snapshot.version();
  }

  public boolean isWorkingDay(LocalDate day) {
    return snapshot.isWorkingDay(day);
  }

  public boolean hasSchedule(int year) {
    return snapshot.schedules().containsKey(year);
  }

  public SortedSet<Integer> scheduledYears() {
    return new TreeSet<>(snapshot.schedules().keySet());
  }

  /** Whether counting from {@code start} to {@code deadline} passes a day of a year whose schedule is not loaded. */
  public boolean isProvisional(LocalDate start, LocalDate deadline) {
    Map<Integer, HolidaySchedule> schedules = snapshot.schedules();
    for (int year = start.plusDays(1).getYear(); year <= deadline.getYear(); year++) {
      if (!schedules.containsKey(year)) {
        return true;
      }
    }
    return false;
  }

  /** The {@code workingDays}-th working day after {@code start}; the start day itself does not count. */
  public Deadline deadline(LocalDate start, int workingDays) {
    requireCount(workingDays);
    Snapshot calendar = snapshot;
    LocalDate day = start;
    boolean provisional = false;
    for (int counted = 0; counted < workingDays; ) {
      day = day.plusDays(1);
      provisional |= !calendar.schedules().containsKey(day.getYear());
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return new Deadline(start, workingDays, day, provisional);
  }

  /** The working day that lies {@code workingDays} working days before {@code day}. */
  public LocalDate workingDaysBefore(LocalDate day, int workingDays) {
    requireCount(workingDays);
    Snapshot calendar = snapshot;
    LocalDate result = day;
    for (int counted = 0; counted < workingDays; ) {
      result = result.minusDays(1);
      if (calendar.isWorkingDay(result)) {
        counted++;
      }
    }
    return result;
  }

  /** Working days after {@code from} up to and including {@code to}; zero when {@code to} is not after {@code from}. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    Snapshot calendar = snapshot;
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
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

  private static Map<Integer, HolidaySchedule> byYear(Collection<HolidaySchedule> schedules) {
    Map<Integer, HolidaySchedule> byYear = new TreeMap<>();
    for (HolidaySchedule schedule : schedules) {
      if (byYear.put(schedule.year(), schedule) != null) {
        throw new IllegalArgumentException("Two holiday schedules for " + schedule.year());
      }
    }
    return Collections.unmodifiableMap(byYear);
  }

  private record Snapshot(Map<Integer, HolidaySchedule> schedules, long version) {

    boolean isWorkingDay(LocalDate day) {
      HolidaySchedule schedule = schedules.get(day.getYear());
      return schedule == null ? !HolidaySchedule.isWeekend(day) : schedule.isWorkingDay(day);
    }
  }
}
