package org.jingzhi.rates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EventSteps;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rates for a scripted week (2026-03-02 to 03-06) that no other test uses:
 * E1 柳岸 responds in time, resolves in time, citizen satisfied;
 * E2 柳岸 responds late, resolves late, citizen unsatisfied; redone in time, basically satisfied;
 * E3 荷塘 never responds, misses its limit; 湖滨街道 responds and resolves in time; citizen unreachable.
 * Limits missed: E2's first stay at 柳岸 and E3's at 荷塘.
 * Every rate is asserted twice: counted from history at the request, and from the shares kept for ended events.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatesApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String WEEK = "/api/rates?from=2026-03-02&to=2026-03-06";

  @Autowired
  ProcessEngine engine;
  @Autowired
  Events events;
  @Autowired
  EndedEventCounter counter;
  @Autowired
  JdbcTemplate jdbc;
  @LocalServerPort
  int port;

  List<String> week;

  /** Where the rates of the week's events come from. */
  enum Counting {
    FROM_HISTORY, FROM_KEPT_SHARES
  }

  @BeforeAll
  void scriptTheWeek() {
    ReportedEvent e1 = at(2026, 3, 2, 9, 0, () -> report("road-occupation", "990101001001"));
    ReportedEvent e2 = at(2026, 3, 2, 9, 5, () -> report("road-occupation", "990101001001"));
    ReportedEvent e3 = at(2026, 3, 2, 9, 10, () -> report("garbage", "990101001002"));

    at(2026, 3, 2, 9, 30, () -> claim("liuan", handle(e1)));
    at(2026, 3, 2, 12, 10, () -> claim("liuan", handle(e2)));
    at(2026, 3, 2, 16, 0, () -> complete("liuan", handle(e1), Map.of("action", "resolve", "note", "已劝离")));
    at(2026, 3, 3, 10, 0, () -> visit(e1, "satisfied", "yes"));

    at(2026, 3, 4, 0, 0, () -> engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(e3.processInstanceId()).timers().singleResult().getId()));
    at(2026, 3, 4, 0, 30, () -> claim("hubin", handle(e3)));
    at(2026, 3, 4, 10, 0, () -> complete("hubin", handle(e3), Map.of("action", "resolve", "note", "已清运")));
    at(2026, 3, 4, 11, 0, () -> visit(e3, "unreachable", null));

    at(2026, 3, 5, 10, 0, () -> complete("liuan", handle(e2), Map.of("action", "resolve", "note", "已劝离")));
    at(2026, 3, 5, 11, 0, () -> visit(e2, "unsatisfied", "no"));
    at(2026, 3, 5, 11, 10, () -> claim("liuan", handle(e2)));
    at(2026, 3, 5, 15, 0, () -> complete("liuan", handle(e2), Map.of("action", "resolve", "note", "设置隔离设施")));
    at(2026, 3, 6, 9, 0, () -> visit(e2, "basicallySatisfied", "yes"));
    Clock.reset();
    week = List.of(e1.processInstanceId(), e2.processInstanceId(), e3.processInstanceId());
  }

  private void count(Counting counting) {
    if (counting == Counting.FROM_HISTORY) {
      jdbc.update("DELETE FROM jz_rate_event WHERE event_id IN (?, ?, ?)", week.toArray());
      assertThat(keptShares()).isZero();
    } else {
      counter.countEnded();
      assertThat(keptShares()).as("the week's events are ended and counted").isEqualTo(3);
    }
  }

  private int keptShares() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM jz_rate_share WHERE group_by = 'total' AND event_id IN (?, ?, ?)", Integer.class,
        week.toArray());
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @ParameterizedTest
  @EnumSource(Counting.class)
  void byUnit(Counting counting) throws Exception {
    count(counting);
    JsonNode report = rates("supervisor", WEEK + "&groupBy=unit");

    assertThat(report.get("events").asInt()).isEqualTo(3);
    assertGroup(group(report, "990101001001"), "柳岸社区", 3, 2, 0.6667, 3, 2, 0.6667, 3, 2, 0.6667, 2, 0.6667, 1);
    assertGroup(group(report, "990101001002"), "荷塘社区", 1, 0, 0.0, 0, 0, null, 0, 0, null, 0, null, 1);
    assertGroup(group(report, "990101001000"), "湖滨街道", 1, 1, 1.0, 1, 1, 1.0, 0, 0, null, 0, null, 0);
    assertGroup(report.get("total"), "合计", 5, 3, 0.6, 4, 3, 0.75, 3, 2, 0.6667, 2, 0.6667, 2);
  }

  @ParameterizedTest
  @EnumSource(Counting.class)
  void byLevelAndCategory(Counting counting) throws Exception {
    count(counting);
    JsonNode byLevel = rates("city", WEEK + "&groupBy=level");
    assertGroup(group(byLevel, "community"), "社区", 4, 2, 0.5, 3, 2, 0.6667, 3, 2, 0.6667, 2, 0.6667, 2);
    assertGroup(group(byLevel, "street"), "街道", 1, 1, 1.0, 1, 1, 1.0, 0, 0, null, 0, null, 0);

    JsonNode byCategory = rates("supervisor", WEEK + "&groupBy=category");
    assertGroup(group(byCategory, "road-occupation"), "占道经营", 3, 2, 0.6667, 3, 2, 0.6667, 3, 2, 0.6667, 2, 0.6667, 1);
    assertGroup(group(byCategory, "garbage"), "垃圾清运不及时", 2, 1, 0.5, 1, 1, 1.0, 0, 0, null, 0, null, 1);
  }

  @Test
  void sharesCountedWithOtherRulesAreCountedAgain() throws Exception {
    count(Counting.FROM_KEPT_SHARES);
    jdbc.update("UPDATE jz_rate_event SET rules = 'v0' WHERE event_id IN (?, ?, ?)", week.toArray());
    jdbc.update("UPDATE jz_rate_share SET rules = 'v0', assigned = 99 WHERE event_id IN (?, ?, ?)", week.toArray());

    assertThat(rates("supervisor", WEEK).get("total").get("assigned").asInt()).as("shares of other rules do not count").isEqualTo(5);
    assertThat(counter.countEnded()).isGreaterThanOrEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jz_rate_share WHERE rules = 'v0'", Integer.class)).isZero();
    assertThat(rates("supervisor", WEEK).get("total").get("assigned").asInt()).isEqualTo(5);
  }

  @Test
  void onlyOverseersSeeTheRates() {
    Http http = new Http(port);
    assertThat(http.get("liuan", WEEK).status()).isEqualTo(403);
    assertThat(http.get(null, WEEK).status()).isEqualTo(401);
    assertThat(http.get("demo", WEEK).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"?to=2026-03-06", "?from=2026-03-02", "?from=2026-03-06&to=2026-03-02", "?from=2026-13-01&to=2026-12-31",
      "?from=2025-01-01&to=2026-12-31", "?from=2026-03-02&to=2026-03-06&groupBy=mood"})
  void badParametersAreRefused(String query) throws Exception {
    Http.Response response = new Http(port).get("supervisor", "/api/rates" + query);

    assertThat(response.status()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("message").asText()).isNotBlank();
  }

  private static void assertGroup(JsonNode group, String name, int assigned, int respondedInTime, Double responseRate, int resolved,
                                  int resolvedOnTime, Double onTimeRate, int answered, int visitsResolved, Double resolutionRate,
                                  int satisfied, Double satisfactionRate, int overdue) {
    assertThat(group.get("name").asText()).isEqualTo(name);
    assertThat(group.get("assigned").asInt()).as(name + " assigned").isEqualTo(assigned);
    assertThat(group.get("respondedInTime").asInt()).as(name + " responded in time").isEqualTo(respondedInTime);
    assertThat(rate(group, "responseRate")).as(name + " 响应率").isEqualTo(responseRate);
    assertThat(group.get("resolved").asInt()).as(name + " resolved").isEqualTo(resolved);
    assertThat(group.get("resolvedOnTime").asInt()).as(name + " on time").isEqualTo(resolvedOnTime);
    assertThat(rate(group, "onTimeRate")).as(name + " 按时办结率").isEqualTo(onTimeRate);
    assertThat(group.get("visitsAnswered").asInt()).as(name + " visits answered").isEqualTo(answered);
    assertThat(group.get("visitsResolved").asInt()).as(name + " visits resolved").isEqualTo(visitsResolved);
    assertThat(rate(group, "resolutionRate")).as(name + " 解决率").isEqualTo(resolutionRate);
    assertThat(group.get("visitsSatisfied").asInt()).as(name + " satisfied").isEqualTo(satisfied);
    assertThat(rate(group, "satisfactionRate")).as(name + " 满意率").isEqualTo(satisfactionRate);
    assertThat(group.get("overdue").asInt()).as(name + " limits missed").isEqualTo(overdue);
  }

  private static Double rate(JsonNode group, String field) {
    return group.hasNonNull(field) ? group.get(field).asDouble() : null;
  }

  private JsonNode rates(String user, String path) throws Exception {
    Http.Response response = new Http(port).get(user, path);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode group(JsonNode report, String key) {
    for (JsonNode group : report.get("groups")) {
      if (group.get("key").asText().equals(key)) {
        return group;
      }
    }
    throw new AssertionError("no group " + key + " in " + report);
  }

  private <T> T at(int year, int month, int day, int hour, int minute, java.util.function.Supplier<T> step) {
    Clock.set(year, month, day, hour, minute);
    return step.get();
  }

  private void at(int year, int month, int day, int hour, int minute, Runnable step) {
    Clock.set(year, month, day, hour, minute);
    step.run();
  }

  private ReportedEvent report(String category, String community) {
    return steps().report(category, community);
  }

  private Task handle(ReportedEvent event) {
    return steps().handle(event);
  }

  private void claim(String user, Task task) {
    steps().claim(user, task);
  }

  private void complete(String user, Task task, Map<String, Object> variables) {
    steps().complete(user, task, variables);
  }

  private void visit(ReportedEvent event, String satisfaction, String resolved) {
    steps().visit(event, satisfaction, resolved);
  }

  private EventSteps steps() {
    return new EventSteps(engine, events);
  }
}
