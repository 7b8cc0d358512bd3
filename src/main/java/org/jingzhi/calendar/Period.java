package org.jingzhi.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jingzhi.web.InvalidRequestException;

/** Days {@code from} to {@code to}, both included, as a client names them ({@code yyyy-MM-dd}), checked. */
public record Period(LocalDate from, LocalDate to) {

  /** The longest period a report covers: a year, leap day included. */
  public static final int MAX_DAYS = 366;

  /** A bad date or a period that is reversed or longer than {@link #MAX_DAYS} is an {@link InvalidRequestException} in Chinese. */
  public static Period of(String from, String to) {
    LocalDate start = day("from", from);
    LocalDate end = day("to", to);
    if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw new InvalidRequestException("统计区间须满足 from ≤ to，且不超过 " + MAX_DAYS + " 天");
    }
    return new Period(start, end);
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
