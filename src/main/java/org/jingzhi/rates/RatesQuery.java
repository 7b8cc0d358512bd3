package org.jingzhi.rates;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jingzhi.web.InvalidRequestException;

/** What the rates are asked for, checked: events reported from {@code from} to {@code to} (both included), grouped. */
public record RatesQuery(LocalDate from, LocalDate to, Grouping grouping) {

  static final int MAX_DAYS = 366;

  /** Parses a client's parameters; a bad one is an {@link InvalidRequestException} with a Chinese message. */
  public static RatesQuery of(String from, String to, String groupBy) {
    LocalDate start = day("from", from);
    LocalDate end = day("to", to);
    if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw new InvalidRequestException("统计区间须满足 from ≤ to，且不超过 " + MAX_DAYS + " 天");
    }
    Grouping grouping = Grouping.of(groupBy == null || groupBy.isBlank() ? "unit" : groupBy);
    if (grouping == null) {
      throw new InvalidRequestException("groupBy 须为 " + String.join("、", Grouping.codes()) + " 之一，收到：" + groupBy);
    }
    return new RatesQuery(start, end, grouping);
  }

  private static LocalDate day(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException("缺少参数 " + name + "（日期，格式 yyyy-MM-dd）");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("参数 " + name + " 不是有效日期（格式 yyyy-MM-dd）：" + (value.length() > 40 ? value.substring(0, 40) + "…" : value));
    }
  }
}
