package org.jingzhi.web;

import java.time.Instant;

/** The body of every error answer of {@code /api/**}. */
public record ApiError(int status, String error, String message, Instant timestamp) {

  public static ApiError of(int status, String error, String message) {
    return new ApiError(status, error, message, Instant.now());
  }
}
