package org.jingzhi.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.jingzhi.calendar.HolidayScheduleFile;
import org.jingzhi.calendar.HolidaySchedules;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.web.DemoUser;
import org.jingzhi.web.InvalidRequestException;
import org.jingzhi.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/calendar/schedules}: the holiday schedules in force, for everyone logged in; loading and withdrawing
 * one is for administrators, and answers every open deadline it moved.
 */
@RestController
@RequestMapping("/api/calendar/schedules")
@Tag(name = "工作日历 Working-day calendar")
class ScheduleController {

  static final String EXAMPLE = """
      # 测试用虚构安排：2031 年（示例，非国务院公布的安排）
      year: 2031
      holidays:
        - { name: 元旦, from: 2031-01-01, to: 2031-01-01 }
      workingWeekends: []
      """;

  /** A year's schedule in force: where it came from, who loaded it and when. */
  record ScheduleSummary(int year, long version, String source, String loadedBy, Date loadedAt) {
  }

  private final HolidaySchedules schedules;
  private final ScheduleLoading loading;
  private final CurrentUser currentUser;

  ScheduleController(HolidaySchedules schedules, ScheduleLoading loading, CurrentUser currentUser) {
    this.schedules = schedules;
    this.loading = loading;
    this.currentUser = currentUser;
  }

  @Operation(summary = "已载入的节假日安排 · the holiday schedules in force",
      description = "每年一份：版本、来源（file 文件名 或 api）、载入人与时间。未列出的年份只按周末计算，期限标记 provisional。")
  @ApiResponse(responseCode = "200", description = "各年的安排 · one per year")
  @DemoUser("window")
  @GetMapping
  List<ScheduleSummary> schedules() {
    return schedules.current().stream().filter(loaded -> loaded.content() != null)
        .map(loaded -> new ScheduleSummary(loaded.year(), loaded.version(), loaded.source(), loaded.loadedBy(), loaded.loadedAt())).toList();
  }

  @Operation(summary = "某年的节假日安排原文 · a year's schedule as loaded (YAML)")
  @ApiResponse(responseCode = "200", description = "YAML 原文 · the YAML text")
  @ApiResponse(responseCode = "404", description = "该年没有载入安排 · no schedule for the year")
  @DemoUser("window")
  @GetMapping(path = "/{year}", produces = "text/plain;charset=UTF-8")
  String schedule(@PathVariable @Parameter(description = "年份 · year", example = "2026") String year) {
    int wanted = year(year);
    return schedules.current(wanted).map(HolidaySchedules.Loaded::content)
        .orElseThrow(() -> new NotFoundException("没有载入 " + wanted + " 年的节假日安排"));
  }

  @Operation(summary = "载入或替换某年的节假日安排 · load or replace a year's schedule",
      description = "请求体为 YAML（格式同 src/main/resources/calendar/2026.yaml）。先严格校验：年份外的日期、与调休上班日重叠的节假日、"
          + "重复的日期、格式错误均以 400 拒绝并指出行号，不作任何改变。载入后所有节点改用新安排；凡触及该年的未结期限"
          + "（任务到期日、催办与超期定时器、办理总时限、补正期限、层级时限）自各自起算时刻按新安排重算，已触发的不再触发，"
          + "新时间已过的立即触发；应答列出每项变动，并记入案件轨迹。仅管理员。"
          + " · Strictly checked (400 naming the line, nothing changed); then every open deadline reaching into the year is counted "
          + "again from its start; the answer lists what moved. Administrators only.")
  @RequestBody(description = "该年的安排 · the year's schedule (YAML)", required = true, content = @Content(mediaType = "application/yaml",
      examples = @ExampleObject(name = "fictional", summary = "虚构的 2031 年 · a made-up year", value = EXAMPLE)))
  @ApiResponse(responseCode = "200", description = "已载入，及变动的期限 · loaded, with the deadlines it moved")
  @ApiResponse(responseCode = "400", description = "安排有误（指出行号）· the schedule is wrong (the line is named)")
  @ApiResponse(responseCode = "403", description = "仅管理员 · administrators only")
  @DemoUser("demo")
  @PutMapping(path = "/{year}", consumes = {MediaType.TEXT_PLAIN_VALUE, "application/yaml", "application/x-yaml", "text/yaml"})
  ScheduleLoading.Loaded load(@PathVariable @Parameter(description = "年份 · year", example = "2031") String year,
                              @org.springframework.web.bind.annotation.RequestBody(required = false) String content) {
    String user = requireAdministrator();
    int wanted = year(year);
    if (content == null || content.isBlank()) {
      throw new InvalidRequestException("请求体应为该年的节假日安排（YAML）");
    }
    if (content.length() > HolidayScheduleFile.MAX_CHARACTERS) {
      throw new InvalidRequestException("节假日安排不超过 " + HolidayScheduleFile.MAX_CHARACTERS + " 个字符");
    }
    return loading.load(wanted, content, ScheduleLoading.FROM_API, user);
  }

  @Operation(summary = "撤回某年的节假日安排 · withdraw a year's schedule",
      description = "撤回误载的安排：该年重新只按周末计算，触及该年的未结期限重算并标记 provisional。仅管理员。")
  @ApiResponse(responseCode = "200", description = "已撤回，及变动的期限 · withdrawn, with the deadlines it moved")
  @ApiResponse(responseCode = "403", description = "仅管理员 · administrators only")
  @ApiResponse(responseCode = "404", description = "该年没有载入安排 · no schedule for the year")
  @DemoUser("demo")
  @DeleteMapping("/{year}")
  ScheduleLoading.Loaded withdraw(@PathVariable @Parameter(description = "年份 · year", example = "2031") String year) {
    String user = requireAdministrator();
    return loading.withdraw(year(year), user);
  }

  private String requireAdministrator() {
    if (!currentUser.isAdministrator()) {
      throw new AuthorizationException("只有管理员可以载入或撤回节假日安排");
    }
    return currentUser.userId();
  }

  private static int year(String year) {
    try {
      int value = Integer.parseInt(year.trim());
      if (value >= 2000 && value <= 2100) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException("年份须为 2000 至 2100 之间的整数：" + (year.length() > 20 ? year.substring(0, 20) + "…" : year));
  }
}
