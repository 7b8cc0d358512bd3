package org.jingzhi.support;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine clock in the city's time zone. Tests move it; they never sleep. */
public final class Clock {

  public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  private Clock() {
  }

  public static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, CITY).toInstant());
  }

  /** The last second of a working day: when a deadline ends. */
  public static Date endOf(int year, int month, int day) {
    return Date.from(ZonedDateTime.of(year, month, day, 23, 59, 59, 0, CITY).toInstant());
  }

  public static void set(int year, int month, int day, int hour, int minute) {
    ClockUtil.setCurrentTime(at(year, month, day, hour, minute));
  }

  public static void set(Date date) {
    ClockUtil.setCurrentTime(date);
  }

  public static void reset() {
    ClockUtil.reset();
  }
}
