package org.jingzhi.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingzhi.web.DemoUser;
import org.jingzhi.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日历 Working-day calendar")
class CalendarController {

  /** Statutory limits are counted for today's cases; years far off are a mistake, not a question. */
  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  private final WorkingDayCalendar calendar;

  CalendarController(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Operation(summary = "计算期限 · the deadline of n working days",
      description = "起算日之后第 n 个工作日（按国务院节假日安排，跳过周末与节假日、计入调休上班日）；该年安排未载入时 provisional 为 true。"
          + "· The n-th working day after the start day; provisional while a year's schedule is missing.")
  @ApiResponse(responseCode = "200", description = "期限 · the deadline")
  @ApiResponse(responseCode = "400", description = "日期或工作日数有误 · bad date or count")
  @DemoUser("window")
  @GetMapping("/deadline")
  Deadline deadline(@RequestParam(required = false) @Parameter(description = "起算日 · start day (yyyy-MM-dd)", required = true,
                        example = "2026-02-12") String start,
                    @RequestParam(required = false) @Parameter(description = "工作日数 · working days (1–" + WorkingDayCalendar.MAX_WORKING_DAYS + ")",
                        required = true, example = "3") String workingDays) {
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
