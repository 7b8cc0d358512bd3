package org.jingzhi.deadlines;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.calendar.HolidaySchedule;
import org.jingzhi.calendar.HolidayScheduleFile;
import org.jingzhi.calendar.HolidaySchedules;
import org.jingzhi.calendar.WorkingDayCalendar;
import org.jingzhi.web.InvalidRequestException;
import org.jingzhi.web.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads or withdraws a year's holiday schedule while the platform runs: the text is checked first (a bad one
 * changes nothing), the load is recorded for every node, this node counts with it at once, and every open deadline
 * that reaches into the year is counted again from its start ({@link DeadlineRecompute}). Other nodes follow
 * within {@code jingzhi.calendar.refresh-every} ({@link CalendarRefresher}).
 */
@Component
public class ScheduleLoading {

  public static final String FROM_API = "api";

  private final HolidaySchedules schedules;
  private final WorkingDayCalendar calendar;
  private final DeadlineRecompute recompute;
  private final CalendarRefresher refresher;
  private final TransactionTemplate transaction;

  ScheduleLoading(HolidaySchedules schedules, WorkingDayCalendar calendar, DeadlineRecompute recompute, CalendarRefresher refresher,
                  TransactionTemplate transaction) {
    this.schedules = schedules;
    this.calendar = calendar;
    this.recompute = recompute;
    this.refresher = refresher;
    this.transaction = transaction;
  }

  /** Loads {@code content} as the schedule of {@code year}; refused with the line of the first problem. */
  public Loaded load(int year, String content, String source, String user) {
    return load(year, content, source, user, true);
  }

  Loaded load(int year, String content, String source, String user, boolean recomputeOpenWork) {
    HolidaySchedule schedule = HolidayScheduleFile.parse(content);
    if (schedule.year() != year) {
      throw new InvalidRequestException("文件中的年份 " + schedule.year() + " 与要载入的年份 " + year + " 不符");
    }
    long version = transaction.execute(status -> schedules.record(year, content, source, user, ClockUtil.getCurrentTime()));
    useSharedSchedules();
    if (!recomputeOpenWork) {
      return new Loaded(year, version, schedule.holidays().size(), schedule.workingWeekends().size(), List.of(), List.of());
    }
    DeadlineRecompute.Recomputed recomputed =
        recompute.recomputeFrom(LocalDate.of(year, 1, 1), "载入 " + year + " 年节假日安排（第 " + version + " 版）", user);
    refresher.recheckFrom(LocalDate.of(year, 1, 1));
    return new Loaded(year, version, schedule.holidays().size(), schedule.workingWeekends().size(), recomputed.moved(), recomputed.failed());
  }

  /** Withdraws the schedule of {@code year}: it counts weekends only again and its deadlines are provisional. */
  public Loaded withdraw(int year, String user) {
    if (schedules.current(year).filter(loaded -> loaded.content() != null).isEmpty()) {
      throw new NotFoundException("没有载入 " + year + " 年的节假日安排");
    }
    long version = transaction.execute(status -> schedules.record(year, null, FROM_API, user, ClockUtil.getCurrentTime()));
    useSharedSchedules();
    DeadlineRecompute.Recomputed recomputed =
        recompute.recomputeFrom(LocalDate.of(year, 1, 1), "撤回 " + year + " 年节假日安排（第 " + version + " 版）", user);
    refresher.recheckFrom(LocalDate.of(year, 1, 1));
    return new Loaded(year, version, 0, 0, recomputed.moved(), recomputed.failed());
  }

  /** This node counts with the schedules every node shares (the version read first: a newer load is followed next round). */
  void useSharedSchedules() {
    long version = schedules.version();
    calendar.use(schedules.inForce(), version);
  }

  /**
   * What a load did: the year, the load's version, what the schedule holds, every deadline it moved, and the cases or events
   * it could not recompute at once ({@code retriedLater}: their process instances; recomputed in the background).
   */
  public record Loaded(int year, long version, int holidays, int workingWeekends, List<DeadlineMove> moved, List<String> retriedLater) {
  }
}
