package org.jingzhi.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.calendar.WorkingDayCalendar;
import org.jingzhi.supervision.OverdueRecords;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EngineApi;
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
    assertThat(page(webapp, "?state=overdue&unit=fire&process=joint-approval").get("rows").findValuesAsText("unit")).containsOnly("fire");

    JsonNode first = page(webapp, "?state=all&window=744&process=joint-approval&maxResults=1");
    assertThat(first.get("rows")).hasSize(1);
    assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(4);
    JsonNode second = page(webapp, "?state=all&window=744&process=joint-approval&maxResults=1&firstResult=1");
    assertThat(second.at("/rows/0/taskId").asText()).isNotEqualTo(first.at("/rows/0/taskId").asText());
  }

  @Test
  void badInputGets400AndOthersGet403() {
    EngineApi webapp = EngineApi.webapp(port);
    Map<String, String> bad = Map.of(
        "?state=late", "state 须为 overdue、soon 或 all",
        "?window=0", "参数 window 须为 1 至 744",
        "?window=abc", "参数 window",
        "?process=permit", "process 须为 escalation-chain、joint-approval 之一",
        "?unit=nowhere", "未知单位：nowhere",
        "?maxResults=1000", "参数 maxResults 须为 1 至 200",
        "?firstResult=-1", "firstResult");
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
