package org.jingzhi.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.calendar.WorkingDayCalendar;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.supervision.OverdueRecords;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.EventSteps;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.OverdueWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The SLA monitor 「时限监控」 through the plugin's API: overdue work after its timers fired, work due soon, paging, bad input. */
@IntegrationTest
class DeadlineMonitorTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DEADLINES = "/camunda/api/cockpit/plugin/jingzhi-supervision/default/deadlines";
  static final String MISSES = "/camunda/api/cockpit/plugin/jingzhi-supervision/default/overdue-records";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  WorkingDays workingDays;
  @Autowired
  WorkingDayCalendar calendar;
  @Autowired
  OverdueRecords records;
  @Autowired
  Events events;

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void aReviewMadeOverdueByItsTimerIsListedWithHowLateItIs() throws Exception {
    Clock.set(2026, 3, 2, 9, 0);
    String caseInstance = OverdueWork.acceptedCase(port, engine, "时限监控甲店");
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(caseInstance).taskCandidateGroup("market").singleResult();
    Date due = review.getDueDate();
    EngineApi webapp = EngineApi.webapp(port);

    Clock.set(Date.from(due.toInstant().minus(1, ChronoUnit.HOURS)));
    JsonNode soon = page(webapp, "?state=soon&window=24&unit=market&process=joint-approval");
    assertThat(row(soon, review.getId()).get("overdue").asBoolean()).isFalse();
    assertThat(page(webapp, "?state=all&window=744&reminded=today&maxResults=200").get("rows").findValuesAsText("taskId"))
        .as("no 催办 yet").doesNotContain(review.getId());

    JsonNode missesBefore = misses(webapp);
    Date now = Date.from(due.toInstant().plus(3, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS));
    Clock.set(now);
    OverdueWork.fireDueTimers(engine, caseInstance);
    JsonNode missesAfter = misses(webapp);
    String number = (String) engine.getRuntimeService().getVariable(caseInstance, "caseNumber");
    assertThat(missed(missesAfter, "market") - missed(missesBefore, "market")).as("the review's missed limit").isEqualTo(1);
    assertThat(missesAfter.get("total").asLong() - missesBefore.get("total").asLong()).isEqualTo(records.ofCase(number).size());
    JsonNode overdue = page(webapp, "?state=overdue&unit=market&process=joint-approval");
    JsonNode row = row(overdue, review.getId());
    assertThat(row.get("number").asText()).startsWith("LH-");
    assertThat(row.get("unitName").asText()).isEqualTo("市场监管局");
    assertThat(row.get("process").asText()).isEqualTo("joint-approval");
    assertThat(row.get("overdue").asBoolean()).isTrue();
    assertThat(row.get("lateWorkingDays").asInt()).isEqualTo(calendar.workingDaysBetween(workingDays.dayOf(due), workingDays.dayOf(now)))
        .isPositive();
    assertThat(row.get("lateHours").asLong()).isEqualTo(3 * 24 + 10);
    assertThat(row.get("reminderSent").asBoolean()).as("the 催办 on the morning of the due day").isTrue();
    assertThat(row.get("supervisionOpen").asBoolean()).as("the 督办件 of the missed limit").isTrue();
    JsonNode reminded = page(webapp, "?state=all&window=744&reminded=today&maxResults=200");
    assertThat(reminded.get("rows").findValuesAsText("taskId")).as("the dashboard's 催办 figure opens this list").contains(review.getId());
    assertThat(reminded.get("rows").findValuesAsText("reminderSent")).containsOnly("true");
    assertThat(page(webapp, "?state=overdue&unit=fire&process=joint-approval").get("rows").findValuesAsText("unit")).containsOnly("fire");

    JsonNode first = page(webapp, "?state=all&window=744&process=joint-approval&maxResults=1");
    assertThat(first.get("rows")).hasSize(1);
    assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(4);
    JsonNode second = page(webapp, "?state=all&window=744&process=joint-approval&maxResults=1&firstResult=1");
    assertThat(second.at("/rows/0/taskId").asText()).isNotEqualTo(first.at("/rows/0/taskId").asText());
  }

  @Test
  void eventsShowTheirLevelAndCategoryUrgentOnesAreLateInClockHoursAndTheListFiltersAndSorts() throws Exception {
    EventSteps steps = new EventSteps(engine, events);
    Clock.set(2026, 4, 7, 9, 0);
    ReportedEvent garbage = steps.report("garbage", "990101001001", true);
    ReportedEvent noise = steps.report("noise", "990101001002");
    String garbageTask = steps.handle(garbage).getId();
    String noiseTask = steps.handle(noise).getId();
    Clock.set(2026, 4, 7, 15, 30);
    EngineApi webapp = EngineApi.webapp(port);

    JsonNode overdue = page(webapp, "?state=overdue&process=escalation-chain&level=community&category=garbage&maxResults=200");
    JsonNode urgent = row(overdue, garbageTask);
    assertThat(urgent.get("level").asText()).isEqualTo("community");
    assertThat(urgent.get("category").asText()).isEqualTo("garbage");
    assertThat(urgent.get("categoryName").asText()).isEqualTo("垃圾清运不及时");
    assertThat(urgent.get("unitName").asText()).isEqualTo("柳岸社区");
    assertThat(urgent.get("urgent").asBoolean()).isTrue();
    assertThat(urgent.get("lateHours").asLong()).as("4 clock hours at the community: due 13:00, now 15:30").isEqualTo(2);
    assertThat(overdue.get("rows").findValuesAsText("category")).containsOnly("garbage");
    assertThat(overdue.get("rows").findValuesAsText("level")).containsOnly("community");
    assertThat(overdue.get("categories").findValuesAsText("code")).contains("garbage", "noise", "restaurant-opening");

    JsonNode noiseRows = page(webapp, "?state=all&window=744&category=noise&maxResults=200");
    assertThat(noiseRows.get("rows").findValuesAsText("taskId")).contains(noiseTask).doesNotContain(garbageTask);
    assertThat(noiseRows.get("rows").findValuesAsText("category")).containsOnly("noise");
    assertThat(page(webapp, "?state=all&window=744&level=street&maxResults=200").get("rows").findValuesAsText("taskId"))
        .doesNotContain(garbageTask, noiseTask);

    List<String> ascending = page(webapp, "?state=all&window=744&process=escalation-chain&sort=number&maxResults=200").get("rows")
        .findValuesAsText("number");
    assertThat(ascending).hasSizeGreaterThan(1).isSorted();
    List<String> descending = new ArrayList<>(page(webapp, "?state=all&window=744&process=escalation-chain&sort=number&order=desc"
        + "&maxResults=200").get("rows").findValuesAsText("number"));
    Collections.reverse(descending);
    assertThat(descending).isSorted();
  }

  @Test
  void badInputGets400AndOthersGet403() {
    EngineApi webapp = EngineApi.webapp(port);
    Map<String, String> bad = Map.ofEntries(
        Map.entry("?state=late", "state 须为 overdue、soon 或 all"),
        Map.entry("?window=0", "参数 window 须为 1 至 744"),
        Map.entry("?window=abc", "参数 window"),
        Map.entry("?process=permit", "process 须为 escalation-chain、joint-approval 之一"),
        Map.entry("?unit=nowhere", "未知单位：nowhere"),
        Map.entry("?maxResults=1000", "参数 maxResults 须为 1 至 200"),
        Map.entry("?firstResult=-1", "firstResult"),
        Map.entry("?category=parking", "category 须为"),
        Map.entry("?level=province", "level 须为 community、street、district、city 之一"),
        Map.entry("?sort=late", "sort 须为 due、number、unit、task 之一"),
        Map.entry("?order=up", "order 须为 asc、desc 之一"),
        Map.entry("?reminded=yesterday", "reminded 须为 today 之一"));
    bad.forEach((query, message) -> {
      Http.Response response = webapp.get("supervisor", DEADLINES + query);
      assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(400);
      assertThat(response.body()).as(query).contains(message);
    });
    assertThat(webapp.get("market", DEADLINES).status()).isEqualTo(403);
    assertThat(webapp.get("market", MISSES + "?from=2026-03-01&to=2026-03-31").status()).isEqualTo(403);
    Http.Response reversed = webapp.get("supervisor", MISSES + "?from=2026-03-31&to=2026-03-01");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.body()).contains("统计区间须满足 from ≤ to");
    assertThat(webapp.get("supervisor", MISSES + "?from=March").status()).isEqualTo(400);
    Http.Response city = webapp.get("city", DEADLINES + "?state=all&window=744&maxResults=200");
    assertThat(city.status()).isEqualTo(200);
    assertThat(city.body()).as("the command centre sees the events' work only").doesNotContain("\"joint-approval\"");
    assertThat(webapp.get("city", DEADLINES + "?process=joint-approval").status()).isEqualTo(403);
  }

  private static JsonNode page(EngineApi webapp, String query) throws Exception {
    Http.Response response = webapp.get("supervisor", DEADLINES + query);
    assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode misses(EngineApi webapp) throws Exception {
    Http.Response response = webapp.get("supervisor", MISSES + "?from=2026-03-01&to=2026-03-31");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static long missed(JsonNode misses, String unit) {
    for (JsonNode entry : misses.get("units")) {
      if (entry.get("unit").asText().equals(unit)) {
        return entry.get("count").asLong();
      }
    }
    return 0;
  }

  private static JsonNode row(JsonNode page, String taskId) {
    for (JsonNode row : page.get("rows")) {
      if (row.get("taskId").asText().equals(taskId)) {
        return row;
      }
    }
    throw new AssertionError("task " + taskId + " is not in " + page);
  }
}
