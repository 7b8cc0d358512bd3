package org.jingzhi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

@Configuration
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

  @Bean
  WorkingDayCalendar workingDayCalendar(CalendarProperties properties, ResourcePatternResolver resources) {
    List<HolidaySchedule> schedules = new ArrayList<>();
    for (String location : properties.getLocations()) {
      for (Resource resource : resolve(resources, location)) {
        try (InputStream in = resource.getInputStream()) {
          schedules.add(HolidayScheduleFile.read(in));
        } catch (IOException | RuntimeException e) {
          throw new IllegalStateException("Cannot read holiday schedule " + resource.getDescription() + ": " + e.getMessage(), e);
        }
      }
    }
    WorkingDayCalendar calendar = new WorkingDayCalendar(schedules);
    warnAboutMissingYears(calendar, LocalDate.now(Clock.system(properties.getZone())).getYear());
    return calendar;
  }

  private static Resource[] resolve(ResourcePatternResolver resources, String location) {
    try {
      return resources.getResources(location);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list holiday schedules at " + location, e);
    }
  }

  private static void warnAboutMissingYears(WorkingDayCalendar calendar, int thisYear) {
    LOG.info("Holiday schedules loaded for {}", calendar.scheduledYears());
    for (int year = thisYear; year <= thisYear + 1; year++) {
      if (!calendar.hasSchedule(year)) {
        LOG.warn("No holiday schedule for {}: deadlines in {} count weekends only and are marked provisional. "
            + "Add calendar/{}.yaml once the State Council publishes it.", year, year, year);
      }
    }
  }
}
