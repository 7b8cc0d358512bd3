package org.jingzhi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

@Configuration
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

  @Bean
  ScheduleFiles scheduleFiles(CalendarProperties properties, ResourcePatternResolver resources) {
    List<ScheduleFiles.File> files = new ArrayList<>();
    for (String location : properties.getLocations()) {
      for (Resource resource : resolve(resources, location)) {
        try (InputStream in = resource.getInputStream()) {
          String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          files.add(new ScheduleFiles.File("file " + resource.getFilename(), content, HolidayScheduleFile.parse(content)));
        } catch (IOException | RuntimeException e) {
          throw new IllegalStateException("Cannot read holiday schedule " + resource.getDescription() + ": " + e.getMessage(), e);
        }
      }
    }
    return new ScheduleFiles(files);
  }

  /** Counts with the files until the shared schedules are read, once the database is ready (ScheduleFilesAtStart). */
  @Bean
  WorkingDayCalendar workingDayCalendar(CalendarProperties properties, ScheduleFiles files) {
    return new WorkingDayCalendar(files.schedules());
  }

  private static Resource[] resolve(ResourcePatternResolver resources, String location) {
    try {
      return resources.getResources(location);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list holiday schedules at " + location, e);
    }
  }
}
