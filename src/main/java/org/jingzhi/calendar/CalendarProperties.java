package org.jingzhi.calendar;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("jingzhi.calendar")
public class CalendarProperties {

  /** Where the yearly holiday schedules are read from; Spring resource patterns. */
  private List<String> locations = List.of("classpath*:calendar/*.yaml");

  /** The city's time zone: working days begin and end at midnight in this zone. */
  private ZoneId zone = ZoneId.of("Asia/Shanghai");

  /** How often a node checks whether another node loaded a schedule; 0 turns the check off (tests, one node). */
  private Duration refreshEvery = Duration.ofSeconds(10);

  public Duration getRefreshEvery() {
    return refreshEvery;
  }

  public void setRefreshEvery(Duration refreshEvery) {
    this.refreshEvery = refreshEvery;
  }

  public List<String> getLocations() {
    return locations;
  }

  public void setLocations(List<String> locations) {
    this.locations = locations;
  }

  public ZoneId getZone() {
    return zone;
  }

  public void setZone(ZoneId zone) {
    this.zone = zone;
  }
}
