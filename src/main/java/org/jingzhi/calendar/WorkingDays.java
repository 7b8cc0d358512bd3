package org.jingzhi.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Working-day deadlines for BPMN expressions, on the engine clock:
 * {@code camunda:dueDate="${workingDays.deadline(5)}"} or a timer
 * {@code <timeDate>${workingDays.remindAt(dueDate, 1)}</timeDate>}.
 * A deadline of n working days ends at the last second of the n-th working day after today.
 *
 * <p>"Today" is the engine clock, or the moment given to {@link #asOf}: recomputing a deadline after a new
 * holiday schedule evaluates its expression again as of the moment its clock started.
 */
@Component("workingDays")
public class WorkingDays {

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private static final ThreadLocal<Date> AS_OF = new ThreadLocal<>();

  private final WorkingDayCalendar calendar;
  private final ZoneId zone;

  public WorkingDays(WorkingDayCalendar calendar, CalendarProperties properties) {
    this.calendar = calendar;
    this.zone = properties.getZone();
  }

  /** Runs {@code work} with "today" set to {@code moment} for the deadlines it computes. */
  public static <T> T asOf(Date moment, Supplier<T> work) {
    Date before = AS_OF.get();
    AS_OF.set(moment);
    try {
      return work.get();
    } finally {
      if (before == null) {
        AS_OF.remove();
      } else {
        AS_OF.set(before);
      }
    }
  }

  /** The moment deadlines count from: the engine clock, or the one given to {@link #asOf}. */
  public static Date now() {
    Date moment = AS_OF.get();
    return moment != null ? moment : ClockUtil.getCurrentTime();
  }

  /** End of the n-th working day after today. */
  public Date deadline(int workingDays) {
    return deadline(now(), workingDays);
  }

  /** End of the n-th working day after the day of {@code start}. */
  public Date deadline(Date start, int workingDays) {
    return endOf(calendar.deadline(dayOf(start), workingDays).deadline());
  }

  /** Clock hours around the clock, for urgent work. */
  public Date hoursLater(int hours) {
    return Date.from(now().toInstant().plus(Duration.ofHours(hours)));
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
    return calendar.workingDaysBetween(dayOf(now()), dayOf(due));
  }

  /**
   * Whether an open deadline is provisional: a day between today (or the deadline, if it has passed) and the
   * deadline lies in a year whose holiday schedule is not loaded.
   */
  public boolean provisional(Date due) {
    if (due == null) {
      return false;
    }
    LocalDate dueDay = dayOf(due);
    LocalDate today = dayOf(now());
    LocalDate from = today.isBefore(dueDay) ? today : dueDay;
    return calendar.isProvisional(from.minusDays(1), dueDay);
  }

  public LocalDate dayOf(Date instant) {
    return instant.toInstant().atZone(zone).toLocalDate();
  }

  public Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  public Date endOf(LocalDate day) {
    return Date.from(ZonedDateTime.of(day, END_OF_DAY, zone).toInstant());
  }
}
