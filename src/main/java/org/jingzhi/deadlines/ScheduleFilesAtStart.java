package org.jingzhi.deadlines;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.calendar.HolidaySchedules;
import org.jingzhi.calendar.ScheduleFiles;
import org.jingzhi.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, the schedule files ({@code jingzhi.calendar.locations}) are loaded like an administrator's upload when
 * they are new: a year without a schedule yet, or a file changed since it was loaded. A year an administrator loaded
 * through the API keeps that schedule even if a file of that year differs (logged); the newest load wins. Then the
 * node counts with the shared schedules.
 */
@Component
class ScheduleFilesAtStart {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleFilesAtStart.class);

  private final ScheduleFiles files;
  private final HolidaySchedules schedules;
  private final ScheduleLoading loading;
  private final WorkingDayCalendar calendar;
  private final ZoneId zone;

  ScheduleFilesAtStart(ScheduleFiles files, HolidaySchedules schedules, ScheduleLoading loading, WorkingDayCalendar calendar,
                       CalendarProperties properties) {
    this.files = files;
    this.schedules = schedules;
    this.loading = loading;
    this.calendar = calendar;
    this.zone = properties.getZone();
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  void loadNewFiles() {
    // the very first start counted with the files already: loading them changes no deadline
    boolean recompute = schedules.version() > 0;
    for (ScheduleFiles.File file : files.files()) {
      int year = file.schedule().year();
      Optional<HolidaySchedules.Loaded> current = schedules.current(year);
      if (current.isPresent() && Objects.equals(current.get().content(), file.content())) {
        continue;
      }
      if (current.isEmpty() || current.get().source().equals(file.source())) {
        ScheduleLoading.Loaded loaded = loading.load(year, file.content(), file.source(), "system", recompute);
        LOG.info("Loaded the holiday schedule of {} from {} (version {}); {} deadlines moved", year, file.source(), loaded.version(),
            loaded.moved().size());
      } else {
        LOG.warn("{} differs from the schedule of {} loaded by {} at {} ({}); that load stays in force. Load the file through the API "
            + "to use it.", file.source(), year, current.get().loadedBy(), current.get().loadedAt(), current.get().source());
      }
    }
    loading.useSharedSchedules();
    warnAboutMissingYears(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone).getYear());
  }

  private void warnAboutMissingYears(int thisYear) {
    LOG.info("Holiday schedules in force for {}", calendar.scheduledYears());
    for (int year = thisYear; year <= thisYear + 1; year++) {
      if (!calendar.hasSchedule(year)) {
        LOG.warn("No holiday schedule for {}: deadlines in {} count weekends only and are marked provisional. "
            + "Load it (PUT /api/calendar/schedules/{}) once the State Council publishes it.", year, year, year);
      }
    }
  }
}
