package org.jingzhi.web;

import java.util.Date;

/** The body of every error answer of {@code /api/**}. */
public record ApiError(int status, String error, String message, Date timestamp) {

  public static ApiError of(int status, String error, String message) {
    return new ApiError(status, error, message, new Date());
  }
}
