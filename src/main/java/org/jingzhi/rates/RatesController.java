package org.jingzhi.rates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.AuthorizationException;
import org.jingzhi.calendar.Period;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.web.DemoUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/rates?from=2026-11-01&to=2026-11-30&groupBy=unit}: for supervision and the command centre. */
@RestController
@RequestMapping("/api/rates")
@Tag(name = "统计 Rates")
class RatesController {

  private final Rates rates;
  private final CurrentUser currentUser;

  RatesController(Rates rates, CurrentUser currentUser) {
    this.rates = rates;
    this.currentUser = currentUser;
  }

  @Operation(summary = "响应率、按时办结率、解决率、满意率 · response, resolution and satisfaction rates",
      description = "按期间内登记的事件统计，按单位、层级、类别或部门分组。· Events reported in the period, per group and in total.")
  @ApiResponse(responseCode = "200", description = "统计 · the rates")
  @ApiResponse(responseCode = "400", description = "日期有误、区间超过 " + Period.MAX_DAYS + " 天或未知分组 · bad period or grouping")
  @ApiResponse(responseCode = "403", description = "仅效能督查办、指挥中心和管理员 · supervision, command centre and administrators only")
  @DemoUser("supervisor")
  @GetMapping
  RatesReport rates(@RequestParam(required = false) @Parameter(description = "起 · from (yyyy-MM-dd)", required = true, example = "2026-11-01")
                    String from,
                    @RequestParam(required = false) @Parameter(description = "止 · to (yyyy-MM-dd)", required = true, example = "2026-11-30")
                    String to,
                    @RequestParam(required = false, defaultValue = "unit")
                    @Parameter(description = "分组 · grouping", schema = @Schema(implementation = Grouping.class))
                    String groupBy) {
    requireOverseer();
    return rates.compute(RatesQuery.of(from, to, groupBy));
  }

  /** The rates grade units against each other: the supervision unit, the command centre and administrators see them. */
  private void requireOverseer() {
    if (!currentUser.oversees()) {
      throw new AuthorizationException("统计只对效能督查办、市城市运行指挥中心和管理员开放");
    }
  }
}
