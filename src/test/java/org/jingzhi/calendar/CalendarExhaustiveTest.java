package org.jingzhi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every start day of 2025 and 2026 and every n from 1 to 30, against a second calendar written here from the
 * State Council's notices as the domain brief quotes them (not from the YAML files): the list of all working days
 * in order, where the deadline is the n-th entry after the start day. 2027 has no schedule: weekends only, provisional.
 */
class CalendarExhaustiveTest {

  private static final Set<LocalDate> HOLIDAYS = new TreeSet<>();
  private static final Set<LocalDate> WORKED_WEEKENDS = new TreeSet<>();

  static {
    holidays("2025-01-01", "2025-01-01", "2025-01-28", "2025-02-04", "2025-04-04", "2025-04-06", "2025-05-01", "2025-05-05",
        "2025-05-31", "2025-06-02", "2025-10-01", "2025-10-08",
        "2026-01-01", "2026-01-03", "2026-02-15", "2026-02-23", "2026-04-04", "2026-04-06", "2026-05-01", "2026-05-05",
        "2026-06-19", "2026-06-21", "2026-09-25", "2026-09-27", "2026-10-01", "2026-10-07");
    for (String day : List.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")) {
      WORKED_WEEKENDS.add(LocalDate.parse(day));
    }
  }

  @Test
  void everyStartDayAndCountAgreesWithAnIndependentCount() throws IOException {
    WorkingDayCalendar calendar = shippedCalendar();
    List<LocalDate> workingDays = workingDaysFrom(LocalDate.of(2024, 12, 1), LocalDate.of(2027, 6, 30));
    int compared = 0;
    for (LocalDate start = LocalDate.of(2025, 1, 1); start.getYear() <= 2026; start = start.plusDays(1)) {
      int firstAfter = indexOfFirstAfter(workingDays, start);
      for (int n = 1; n <= 30; n++) {
        LocalDate expected = workingDays.get(firstAfter + n - 1);
        Deadline deadline = calendar.deadline(start, n);
        assertThat(deadline.deadline()).as("%s + %d", start, n).isEqualTo(expected);
        assertThat(deadline.provisional()).as("%s + %d reaches 2027", start, n).isEqualTo(expected.getYear() == 2027);
        compared++;
      }
    }
    assertThat(compared).isEqualTo(730 * 30);
  }

  private static int indexOfFirstAfter(List<LocalDate> workingDays, LocalDate start) {
    for (int index = 0; index < workingDays.size(); index++) {
      if (workingDays.get(index).isAfter(start)) {
        return index;
      }
    }
    throw new IllegalStateException("no working day after " + start);
  }

  private static List<LocalDate> workingDaysFrom(LocalDate first, LocalDate last) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      boolean known = day.getYear() == 2025 || day.getYear() == 2026;
      boolean working = known ? (WORKED_WEEKENDS.contains(day) || !weekend) && !HOLIDAYS.contains(day) : !weekend;
      if (working) {
        days.add(day);
      }
    }
    return days;
  }

  private static void holidays(String... fromTo) {
    for (int index = 0; index < fromTo.length; index += 2) {
      for (LocalDate day = LocalDate.parse(fromTo[index]); !day.isAfter(LocalDate.parse(fromTo[index + 1])); day = day.plusDays(1)) {
        HOLIDAYS.add(day);
      }
    }
  }

  private static WorkingDayCalendar shippedCalendar() throws IOException {
    List<HolidaySchedule> schedules = new ArrayList<>();
    for (int year : new int[] {2025, 2026}) {
      try (InputStream in = CalendarExhaustiveTest.class.getResourceAsStream("/calendar/" + year + ".yaml")) {
        schedules.add(HolidayScheduleFile.read(in));
      }
    }
    return new WorkingDayCalendar(schedules);
  }
}
