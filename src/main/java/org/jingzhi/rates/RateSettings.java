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
