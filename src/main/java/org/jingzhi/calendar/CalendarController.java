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

  /** Statutory limits are counted for today's cases; years far off are a mistake, not a question. */
  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

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
    LocalDate day;
    try {
      day = LocalDate.parse(start);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("参数 start 不是有效日期（格式 yyyy-MM-dd）：" + abbreviated(start));
    }
    if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
      throw new InvalidRequestException("参数 start 须在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 年之间：" + abbreviated(start));
    }
    return day;
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
        "参数 workingDays 须为 1 至 " + WorkingDayCalendar.MAX_WORKING_DAYS + " 之间的整数：" + abbreviated(workingDays));
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
