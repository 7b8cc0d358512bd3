package org.jingzhi.notice;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.jingzhi.calendar.CalendarProperties;
import org.springframework.stereotype.Component;

/** How a notice writes a moment, in the city's time zone: 2026年12月3日 23:59. */
@Component
public class NoticeMoments {

  private final DateTimeFormatter format;

  public NoticeMoments(CalendarProperties calendar) {
    this.format = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(calendar.getZone());
  }

  public String format(Date moment) {
    return format.format(moment.toInstant());
  }
}
