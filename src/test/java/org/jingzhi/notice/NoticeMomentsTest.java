package org.jingzhi.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.jingzhi.calendar.CalendarProperties;
import org.junit.jupiter.api.Test;

/** The moment an overdue or summons notice names, as the SimpleDateFormat each step made of its own wrote it. */
class NoticeMomentsTest {

  @Test
  void aMomentIsWrittenInTheCitysTimeZoneWithoutLeadingZerosInTheDate() {
    NoticeMoments moments = new NoticeMoments(new CalendarProperties());

    assertThat(moments.format(Date.from(Instant.parse("2026-12-03T15:59:59Z")))).isEqualTo("2026年12月3日 23:59");
    assertThat(moments.format(Date.from(Instant.parse("2027-01-04T17:05:00Z")))).isEqualTo("2027年1月5日 01:05");
  }

  @Test
  void anotherCityWritesItsOwnTime() {
    CalendarProperties urumqi = new CalendarProperties();
    urumqi.setZone(ZoneId.of("Asia/Urumqi"));

    assertThat(new NoticeMoments(urumqi).format(Date.from(Instant.parse("2026-12-03T15:59:59Z")))).isEqualTo("2026年12月3日 21:59");
  }
}
