package org.jingzhi.rates;

import java.time.LocalDate;
import org.jingzhi.calendar.Period;
import org.jingzhi.web.InvalidRequestException;

/** What the rates are asked for, checked: events reported from {@code from} to {@code to} (both included), grouped. */
public record RatesQuery(LocalDate from, LocalDate to, Grouping grouping) {

  /** Parses a client's parameters; a bad one is an {@link InvalidRequestException} with a Chinese message. */
  public static RatesQuery of(String from, String to, String groupBy) {
    Period period = Period.of(from, to);
    Grouping grouping = Grouping.of(groupBy == null || groupBy.isBlank() ? "unit" : groupBy);
    if (grouping == null) {
      throw new InvalidRequestException("groupBy 须为 " + String.join("、", Grouping.codes()) + " 之一，收到：" + groupBy);
    }
    return new RatesQuery(period.from(), period.to(), grouping);
  }
}
