package org.jingzhi.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jingzhi.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final WorkingDayCalendar calendar;

  CalendarController(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/deadline")
  Deadline deadline(@RequestParam(required = false) String start, @RequestParam(required = false) String workingDays) {
    LocalDate startDay = parseDate(start);
    int count = parseCount(workingDays);
    return calendar.deadline(startDay, count);
  }

  private static LocalDate parseDate(String start) {
    if (start == null || start.isBlank()) {
      throw new InvalidRequestException("缺少参数 start（起算日期，格式 yyyy-MM-dd）");
    }
    try {
      return LocalDate.parse(start);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("参数 start 不是有效日期（格式 yyyy-MM-dd）：" + start);
    }
  }

  private static int parseCount(String workingDays) {
    if (workingDays == null || workingDays.isBlank()) {
      throw new InvalidRequestException("缺少参数 workingDays（工作日数）");
    }
    try {
      int count = Integer.parseInt(workingDays.trim());
      if (count >= 1 && count <= WorkingDayCalendar.MAX_WORKING_DAYS) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(
        "参数 workingDays 须为 1 至 " + WorkingDayCalendar.MAX_WORKING_DAYS + " 之间的整数：" + workingDays);
  }
}
