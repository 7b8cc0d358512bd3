package org.jingzhi.deadlines;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.calendar.HolidaySchedules;
import org.jingzhi.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's calendar on the schedules every node shares: every {@code jingzhi.calendar.refresh-every} it
 * reads the number of the newest load, and when another node loaded a schedule it counts with it from then on. A
 * deadline this node computed in between, with the schedules it had, is counted again: the node recomputes the open
 * deadlines of the changed years at once and once more one round later, after work that was under way has committed.
 * Once an hour it also removes the clocks of work that has ended.
 */
@Component
public class CalendarRefresher {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarRefresher.class);
  private static final Duration CLEANUP_EVERY = Duration.ofHours(1);

  private final HolidaySchedules schedules;
  private final WorkingDayCalendar calendar;
  private final DeadlineRecompute recompute;
  private final Clocks clocks;
  private final Duration every;
  private Instant lastCleanup = Instant.EPOCH;
  private ScheduledExecutorService schedule;
  private LocalDate recheckFrom;
  private int rechecks;

  CalendarRefresher(HolidaySchedules schedules, WorkingDayCalendar calendar, DeadlineRecompute recompute, Clocks clocks,
                    CalendarProperties properties) {
    this.schedules = schedules;
    this.calendar = calendar;
    this.recompute = recompute;
    this.clocks = clocks;
    this.every = properties.getRefreshEvery();
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  void start() {
    if (every.isZero() || every.isNegative()) {
      return;
    }
    schedule = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "calendar-refresher");
      thread.setDaemon(true);
      return thread;
    });
    schedule.scheduleWithFixedDelay(this::refreshQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.shutdownNow();
    }
  }

  /**
   * Recomputes the open deadlines from {@code firstDay} again in the next two rounds: after a load on this node, for the work
   * that computed deadlines with the old schedules while the load was under way, and for cases that could not be recomputed.
   */
  public synchronized void recheckFrom(LocalDate firstDay) {
    recheckFrom = recheckFrom == null || firstDay.isBefore(recheckFrom) ? firstDay : recheckFrom;
    rechecks = 2;
  }

  /** One round: follow a newer load, and recompute what this node may have computed with the older schedules. */
  public synchronized void refresh() {
    long known = calendar.version();
    long newest = schedules.version();
    if (newest > known) {
      calendar.use(schedules.inForce(), newest);
      schedules.earliestYearChangedSince(known).map(year -> LocalDate.of(year, 1, 1)).ifPresent(this::recheckFrom);
      LOG.info("This node now counts with holiday schedule version {} (was {})", newest, known);
    }
    if (Instant.now().isAfter(lastCleanup.plus(CLEANUP_EVERY))) {
      lastCleanup = Instant.now();
      int removed = clocks.removeEnded();
      LOG.debug("Removed {} clocks of ended work", removed);
    }
    if (rechecks > 0) {
      boolean failed = !recompute.recomputeFrom(recheckFrom, "本节点采用第 " + newest + " 版节假日安排", "system").failed().isEmpty();
      rechecks = failed ? Math.max(rechecks, 1) : rechecks - 1;  // a case that failed is tried again next round
      if (rechecks == 0) {
        recheckFrom = null;
      }
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.warn("Following the shared holiday schedules failed; trying again in {}", every, e);
    }
  }
}
