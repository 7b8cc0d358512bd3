package org.jingzhi.cockpit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jingzhi.supervision.targets.*}: the rates a unit should reach. At or above its target a rate
 * is green, within {@code amber-margin} below it amber, further below red.
 */
@ConfigurationProperties("jingzhi.supervision.targets")
public record RateTargets(@DefaultValue("0.95") double response, @DefaultValue("0.90") double onTime,
                          @DefaultValue("0.85") double resolution, @DefaultValue("0.90") double satisfaction,
                          @DefaultValue("0.05") double amberMargin) {

  /** {@code green}, {@code amber}, {@code red}, or {@code none} while there is nothing to divide by. */
  String mark(Double rate, double target) {
    if (rate == null) {
      return "none";
    }
    return rate >= target ? "green" : rate >= target - amberMargin ? "amber" : "red";
  }
}
