package org.jingzhi.calendar;

import java.util.List;

/**
 * The schedule files found at start in {@code jingzhi.calendar.locations}: each with its name (the file name, so a
 * file keeps its name when the platform moves), its text and what it says.
 */
public record ScheduleFiles(List<File> files) {

  public ScheduleFiles {
    files = List.copyOf(files);
  }

  public List<HolidaySchedule> schedules() {
    return files.stream().map(File::schedule).toList();
  }

  public record File(String source, String content, HolidaySchedule schedule) {
  }
}
