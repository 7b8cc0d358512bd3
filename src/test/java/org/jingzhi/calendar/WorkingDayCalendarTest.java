package org.jingzhi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDayCalendarTest {

  static WorkingDayCalendar calendar;

  @BeforeAll
  static void loadTheShippedSchedules() throws IOException {
    List<HolidaySchedule> schedules = new ArrayList<>();
    for (int year : new int[] {2025, 2026}) {
      try (InputStream in = WorkingDayCalendarTest.class.getResourceAsStream("/calendar/" + year + ".yaml")) {
        schedules.add(HolidayScheduleFile.read(in));
      }
    }
    calendar = new WorkingDayCalendar(schedules);
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
      "2025-01-24, 5, 2025-02-07",
      "2025-09-26, 5, 2025-10-10",
      "2025-09-30, 1, 2025-10-09",
      "2025-12-31, 2, 2026-01-05",
      "2026-02-12, 3, 2026-02-24",
      "2026-09-18, 10, 2026-10-09",
      "2026-04-30, 20, 2026-06-01"})
  void theWorkedExamplesOfTheDomainBrief(LocalDate start, int workingDays, LocalDate expected) {
    Deadline deadline = calendar.deadline(start, workingDays);

    assertThat(deadline.deadline()).isEqualTo(expected);
    assertThat(deadline.provisional()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {2025, 2026})
  void eachLoadedYearHas248WorkingDays(int year) {
    LocalDate newYearsEve = LocalDate.of(year - 1, 12, 31);
    LocalDate lastDay = LocalDate.of(year, 12, 31);

    assertThat(calendar.workingDaysBetween(newYearsEve, lastDay)).isEqualTo(248);
  }

  @Test
  void adjustedWeekendsAreWorkingDaysAndHolidaysAreNot() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday 2026-02-14, 春节调休").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday 2026-10-10, 国庆调休").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).as("Thursday after 国庆").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).as("国庆节").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("春节, a Monday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).as("an ordinary Saturday").isFalse();
  }

  @Test
  void aYearWithoutScheduleCountsWeekendsOnlyAndSaysSo() {
    Deadline deadline = calendar.deadline(LocalDate.of(2026, 12, 30), 3);

    assertThat(deadline.deadline()).as("Thu 12-31, then Fri 2027-01-01 and Mon 01-04: no 元旦 known yet")
        .isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(deadline.provisional()).isTrue();
    assertThat(calendar.hasSchedule(2027)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).as("a Saturday").isFalse();
  }

  @Test
  void aDeadlineWhollyInsideALoadedYearIsNotProvisional() {
    assertThat(calendar.deadline(LocalDate.of(2026, 12, 1), 10).provisional()).isFalse();
  }

  @Test
  void countsBackwardsAcrossAHoliday() {
    assertThat(calendar.workingDaysBefore(LocalDate.of(2026, 10, 9), 2)).isEqualTo(LocalDate.of(2026, 9, 30));
  }

  @Test
  void workingDaysBetweenIsTheInverseOfTheDeadline() {
    LocalDate start = LocalDate.of(2026, 9, 18);

    assertThat(calendar.workingDaysBetween(start, calendar.deadline(start, 10).deadline())).isEqualTo(10);
    assertThat(calendar.workingDaysBetween(start, start)).isZero();
    assertThat(calendar.workingDaysBetween(start, start.minusDays(3))).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, WorkingDayCalendar.MAX_WORKING_DAYS + 1})
  void refusesCountsOutsideTheAllowedRange(int workingDays) {
    assertThatThrownBy(() -> calendar.deadline(LocalDate.of(2026, 1, 5), workingDays))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScheduleCannotDeclareAWeekdayAWorkingWeekend() {
    assertThatThrownBy(() -> new HolidaySchedule(2026, java.util.Map.of(), java.util.Set.of(LocalDate.of(2026, 3, 4))))
        .hasMessageContaining("weekday");
  }

  @Test
  void aScheduleCannotHoldDaysOfAnotherYear() {
    assertThatThrownBy(() -> new HolidaySchedule(2026, java.util.Map.of(LocalDate.of(2025, 10, 1), "国庆"), java.util.Set.of()))
        .hasMessageContaining("2026");
  }
}
