package org.jingzhi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static WorkingDays workingDays;

  @BeforeAll
  static void create() throws Exception {
    WorkingDayCalendarTest.loadTheShippedSchedules();
    workingDays = new WorkingDays(WorkingDayCalendarTest.calendar, new CalendarProperties());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDeadlineEndsAtTheLastSecondOfItsDayInTheCitysZone() {
    ClockUtil.setCurrentTime(at(2026, 9, 18, 10, 0));

    assertThat(workingDays.deadline(10)).isEqualTo(at(2026, 10, 9, 23, 59, 59));
  }

  @Test
  void theStartDayIsTheCitysDayEvenLateAtNightUtc() {
    // 2026-09-18 20:00 UTC is already 2026-09-19 (Saturday) in Shanghai
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 9, 18, 20, 0, 0, 0, ZoneId.of("UTC")).toInstant()));

    assertThat(workingDays.deadline(1)).as("Sunday 09-20 is a 国庆调休 working day").isEqualTo(at(2026, 9, 20, 23, 59, 59));
  }

  @Test
  void hoursAreClockHoursAroundTheClock() {
    ClockUtil.setCurrentTime(at(2026, 10, 1, 22, 0));

    assertThat(workingDays.hoursLater(4)).isEqualTo(at(2026, 10, 2, 2, 0));
  }

  @Test
  void aReminderFallsOnTheMorningWhenTheGivenWorkingDaysRemain() {
    Date due = at(2026, 10, 9, 23, 59, 59);

    assertThat(workingDays.remindAt(due, 1)).isEqualTo(at(2026, 10, 9, 0, 0));
    assertThat(workingDays.remindAt(due, 2)).as("the working day before 10-09 is 10-08").isEqualTo(at(2026, 10, 8, 0, 0));
    assertThat(workingDays.remindAt(due, 3)).as("then 09-30, across 国庆").isEqualTo(at(2026, 9, 30, 0, 0));
  }

  @Test
  void workingDaysLeftCountsTheDeadlineDay() {
    ClockUtil.setCurrentTime(at(2026, 9, 29, 15, 0));

    assertThat(workingDays.workingDaysLeft(at(2026, 10, 9, 23, 59, 59))).isEqualTo(3);
  }

  static Date at(int year, int month, int day, int hour, int minute) {
    return at(year, month, day, hour, minute, 0);
  }

  static Date at(int year, int month, int day, int hour, int minute, int second) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, second, 0, SHANGHAI).toInstant());
  }
}
