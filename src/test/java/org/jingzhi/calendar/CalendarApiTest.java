package org.jingzhi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class CalendarApiTest {

  @LocalServerPort
  int port;

  @Test
  void answersTheDeadlineOfTheIssueExample() {
    Http.Response response = new Http(port).get("window", "/api/calendar/deadline?start=2026-02-12&workingDays=3");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"start\":\"2026-02-12\",\"workingDays\":3,\"deadline\":\"2026-02-24\",\"provisional\":false}");
  }

  @Test
  void flagsADeadlineInAYearWithoutSchedule() {
    Http.Response response = new Http(port).get("window", "/api/calendar/deadline?start=2027-03-01&workingDays=5");

    assertThat(response.body()).contains("\"deadline\":\"2027-03-08\"", "\"provisional\":true");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "?workingDays=3", "?start=2026-02-12", "?start=2026-02-30&workingDays=3", "?start=12.02.2026&workingDays=3",
      "?start=2026-02-12&workingDays=0", "?start=2026-02-12&workingDays=-2", "?start=2026-02-12&workingDays=three",
      "?start=2026-02-12&workingDays=1001", "?start=2026-02-12&workingDays=99999999999"})
  void refusesBadParametersWithAMessage(String query) {
    Http.Response response = new Http(port).get("window", "/api/calendar/deadline" + query);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("\"message\":\"").containsPattern("start|workingDays");
  }

  @Test
  void needsALogin() {
    assertThat(new Http(port).get(null, "/api/calendar/deadline?start=2026-02-12&workingDays=3").status()).isEqualTo(401);
  }
}
