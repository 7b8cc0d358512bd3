package org.jingzhi.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jingzhi.public-query.*}: the applicants' open case view ({@code /api/public/**}) is guarded
 * against guessing query codes.
 */
@ConfigurationProperties("jingzhi.public-query")
public record PublicQuerySettings(Integer requestsPerMinute, Integer refusalMillis) {

  public PublicQuerySettings {
    requestsPerMinute = requestsPerMinute == null ? 30 : requestsPerMinute;
    refusalMillis = refusalMillis == null ? 60 : refusalMillis;
  }
}
