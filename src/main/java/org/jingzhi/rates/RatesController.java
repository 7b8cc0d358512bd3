package org.jingzhi.rates;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.AuthorizationException;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.organization.UnitType;
import org.jingzhi.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/rates?from=2026-11-01&to=2026-11-30&groupBy=unit}: for supervision and the command centre. */
@RestController
@RequestMapping("/api/rates")
class RatesController {

  static final int MAX_DAYS = 366;

  private final Rates rates;
  private final CurrentUser currentUser;

  RatesController(Rates rates, CurrentUser currentUser) {
    this.rates = rates;
    this.currentUser = currentUser;
  }

  @GetMapping
  RatesReport rates(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false, defaultValue = "unit") String groupBy) {
    requireOverseer();
    LocalDate start = day("from", from);
    LocalDate end = day("to", to);
    if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw new InvalidRequestException("统计区间须满足 from ≤ to，且不超过 " + MAX_DAYS + " 天");
    }
    Grouping grouping = Grouping.of(groupBy);
    if (grouping == null) {
      throw new InvalidRequestException("groupBy 须为 unit、level、category 或 department，收到：" + groupBy);
    }
    return rates.compute(start, end, grouping);
  }

  private static LocalDate day(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException("缺少参数 " + name + "（日期，格式 yyyy-MM-dd）");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("参数 " + name + " 不是有效日期（格式 yyyy-MM-dd）：" + value);
    }
  }

  /** The rates grade units against each other: the supervision unit, the command centre and administrators see them. */
  private void requireOverseer() {
    if (!currentUser.isAdministrator() && !currentUser.worksIn(UnitType.SUPERVISION, UnitType.COMMAND_CENTER)) {
      throw new AuthorizationException("统计只对效能督查办、市城市运行指挥中心和管理员开放");
    }
  }
}
