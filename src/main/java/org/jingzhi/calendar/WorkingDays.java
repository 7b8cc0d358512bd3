package org.jingzhi.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Working-day deadlines for BPMN expressions, on the engine clock:
 * {@code camunda:dueDate="${workingDays.deadline(5)}"} or a timer
 * {@code <timeDate>${workingDays.remindAt(dueDate, 1)}</timeDate>}.
 * A deadline of n working days ends at the last second of the n-th working day after today.
 */
@Component("workingDays")
public class WorkingDays {

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final WorkingDayCalendar calendar;
  private final ZoneId zone;

  public WorkingDays(WorkingDayCalendar calendar, CalendarProperties properties) {
    this.calendar = calendar;
    this.zone = properties.getZone();
  }

  /** End of the n-th working day after today. */
  public Date deadline(int workingDays) {
    return deadline(ClockUtil.getCurrentTime(), workingDays);
  }

  /** End of the n-th working day after the day of {@code start}. */
  public Date deadline(Date start, int workingDays) {
    return endOf(calendar.deadline(dayOf(start), workingDays).deadline());
  }

  /** Clock hours around the clock, for urgent work. */
  public Date hoursLater(int hours) {
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(hours)));
  }

  /**
   * Start of the day from which {@code workingDaysLeft} working days remain until {@code due},
   * the deadline day included: 1 means the morning of the deadline day.
   */
  public Date remindAt(Date due, int workingDaysLeft) {
    LocalDate deadlineDay = dayOf(due);
    LocalDate day = workingDaysLeft <= 1 ? deadlineDay : calendar.workingDaysBefore(deadlineDay, workingDaysLeft - 1);
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  /** Working days left from today until the day of {@code due}, the deadline day included. */
  public int workingDaysLeft(Date due) {
    return calendar.workingDaysBetween(dayOf(ClockUtil.getCurrentTime()), dayOf(due));
  }

  public LocalDate dayOf(Date instant) {
    return instant.toInstant().atZone(zone).toLocalDate();
  }

  public Date endOf(LocalDate day) {
    return Date.from(ZonedDateTime.of(day, END_OF_DAY, zone).toInstant());
  }
}
