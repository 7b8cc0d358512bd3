package org.jingzhi.rates;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code jingzhi.rates.*}: what counts as a timely response, and what is left out of the rates. */
@ConfigurationProperties("jingzhi.rates")
public class RateSettings {

  /** An assignment counts as answered in time when the unit signs for it (claims it) within this. */
  private Duration responseLimit = Duration.ofHours(2);

  /** The same for urgent events. */
  private Duration responseLimitUrgent = Duration.ofMinutes(30);

  /** Event categories left out of all rates (e.g. test categories). */
  private List<String> excludedCategories = List.of();

  /** Whether a return visit that reached nobody counts as answered (it never counts as resolved or satisfied). */
  private boolean unreachableCountsAsAnswered = false;

  /**
   * How often the shares of ended events are counted and kept, so a period's rates need not read their history
   * back (the first count starts this long after start-up); zero: never (tests and benchmarks count on demand).
   */
  private Duration countEndedEvery = Duration.ofMinutes(5);

  /**
   * What an event's counted shares depend on: the rules' version (raise it when the counting changes) and the
   * settings above that change a count. Shares counted with other rules are counted again.
   */
  String rules() {
    return "v1;" + responseLimit + ";" + responseLimitUrgent + ";" + unreachableCountsAsAnswered;
  }

  public Duration getCountEndedEvery() {
    return countEndedEvery;
  }

  public void setCountEndedEvery(Duration countEndedEvery) {
    this.countEndedEvery = countEndedEvery;
  }

  public Duration getResponseLimit() {
    return responseLimit;
  }

  public void setResponseLimit(Duration responseLimit) {
    this.responseLimit = responseLimit;
  }

  public Duration getResponseLimitUrgent() {
    return responseLimitUrgent;
  }

  public void setResponseLimitUrgent(Duration responseLimitUrgent) {
    this.responseLimitUrgent = responseLimitUrgent;
  }

  public List<String> getExcludedCategories() {
    return excludedCategories;
  }

  public void setExcludedCategories(List<String> excludedCategories) {
    this.excludedCategories = excludedCategories;
  }

  public boolean isUnreachableCountsAsAnswered() {
    return unreachableCountsAsAnswered;
  }

  public void setUnreachableCountsAsAnswered(boolean unreachableCountsAsAnswered) {
    this.unreachableCountsAsAnswered = unreachableCountsAsAnswered;
  }
}
