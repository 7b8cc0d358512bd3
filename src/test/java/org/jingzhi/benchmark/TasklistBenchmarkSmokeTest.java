package org.jingzhi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.benchmark.TasklistBenchmark.RealCases;
import org.jingzhi.benchmark.TasklistBenchmark.TaskCloner;
import org.jingzhi.benchmark.TasklistBenchmark.TaskCloner.Clone;
import org.jingzhi.benchmark.TasklistBenchmark.TasklistCalls;
import org.jingzhi.escalation.Events;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasklist benchmark's loading and calls work, on H2 and PostgreSQL: real cases, 200 clones of their open tasks, and
 * the clones are open work exactly like the engine's own tasks — in their unit's 「本单位待办」 and 「即将超期」 lists and
 * counts through REST, visible to their unit's user only (each clone's own task grant; another unit's user gets none of
 * them even when asking for them by id). Then it removes the clones and the cases: the suite's other tests count open
 * tasks. Measures nothing.
 */
@IntegrationTest
class TasklistBenchmarkSmokeTest {

  private static final int CLONES = 200;

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals jointApprovals;
  @Autowired
  Events events;
  @Autowired
  DataSource dataSource;

  @Test
  void clonedTasksAreTheirUnitsOpenWorkAndNobodyElses() throws Exception {
    RealCases cases = new RealCases(engine, jointApprovals, events);
    try (Connection db = dataSource.getConnection()) {
      TaskCloner cloner = new TaskCloner(db);
      try {
        List<String> roots = cases.create();
        TasklistCalls market = new TasklistCalls(port, "market");
        TasklistCalls fire = new TasklistCalls(port, "fire");
        Lists marketBefore = lists(market);
        Lists fireBefore = lists(fire);

        List<Clone> clones = cloner.cloneTasks(CLONES, "market", 0.25, roots, ClockUtil.getCurrentTime().toInstant());
        assertThat(clones).hasSize(CLONES);
        assertThat(clones.stream().map(Clone::unit).distinct().count()).isGreaterThan(20);

        assertListedExactlyAsTheirUnitsWork(clones, "market", marketBefore, lists(market));
        assertListedExactlyAsTheirUnitsWork(clones, "fire", fireBefore, lists(fire));
        assertOnlyTheirUnitMayReadThem(ids(clones, "market", clone -> true), "market", "fire");
        assertThat(TasklistBenchmark.measure(market, 0, 1, Duration.ofMinutes(1))).hasSize(9);
      } finally {
        cloner.removeClones();
        cases.remove(dataSource);
      }
      assertThat(TasklistBenchmark.count(db, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ LIKE '%" + TaskCloner.MARK + "%'")).isZero();
    }
  }

  /** The unit's unclaimed clones joined its 「本单位待办」, its clones due within 24 h (claimed or not) its 「即将超期」; counts agree. */
  private static void assertListedExactlyAsTheirUnitsWork(List<Clone> clones, String unit, Lists before, Lists after) {
    Instant dayAhead = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
    Predicate<Clone> dueSoon = clone -> clone.due() != null && clone.due().toInstant().isBefore(dayAhead);
    Predicate<Clone> unclaimed = clone -> clone.assignee() == null;
    assertThat(added(before.todo(), after.todo())).as("unclaimed or claimed by the unit's user, who bears its name")
        .containsExactlyInAnyOrderElementsOf(ids(clones, unit, clone -> clone.assignee() == null || clone.assignee().equals(unit)));
    assertThat(added(before.ownUnit(), after.ownUnit())).containsExactlyInAnyOrderElementsOf(ids(clones, unit, unclaimed));
    assertThat(added(before.dueSoon(), after.dueSoon())).containsExactlyInAnyOrderElementsOf(ids(clones, unit, dueSoon));
    assertThat(after.todoCount()).isEqualTo(after.todo().size());
    assertThat(after.ownUnitCount()).isEqualTo(after.ownUnit().size());
    assertThat(after.dueSoonCount()).isEqualTo(after.dueSoon().size());
  }

  /** Asked by id, the unit's user finds every clone, another unit's user none: each clone carries its own grant. */
  private void assertOnlyTheirUnitMayReadThem(List<String> taskIds, String unitUser, String otherUser) throws Exception {
    assertThat(countById(unitUser, taskIds)).isEqualTo(taskIds.size());
    assertThat(countById(otherUser, taskIds)).isZero();
    assertThat(new Http(port).get(otherUser, "/engine-rest/task/" + taskIds.get(0)).status()).isEqualTo(404);
  }

  /** A user's 「待办」, 「本单位待办」 and 「即将超期」: every task on them (all pages at once) and their counts. */
  record Lists(List<String> todo, long todoCount, List<String> ownUnit, long ownUnitCount, List<String> dueSoon, long dueSoonCount) {
  }

  private static Lists lists(TasklistCalls calls) throws Exception {
    String todo = calls.filterId(TasklistBenchmark.TODO);
    String ownUnit = calls.filterId(TasklistBenchmark.OWN_UNIT);
    String dueSoon = calls.filterId(TasklistBenchmark.DUE_SOON);
    return new Lists(taskIds(calls.page(todo, 0, 1000)), calls.count(todo), taskIds(calls.page(ownUnit, 0, 1000)),
        calls.count(ownUnit), taskIds(calls.page(dueSoon, 0, 1000)), calls.count(dueSoon));
  }

  private static List<String> taskIds(JsonNode page) {
    JsonNode tasks = page.path("_embedded").path("task");
    return StreamSupport.stream(tasks.spliterator(), false).map(task -> task.get("id").asText()).toList();
  }

  private static List<String> added(List<String> before, List<String> after) {
    return after.stream().filter(id -> !before.contains(id)).toList();
  }

  private static List<String> ids(List<Clone> clones, String unit, Predicate<Clone> which) {
    return clones.stream().filter(clone -> clone.unit().equals(unit)).filter(which).map(clone -> clone.template() + clone.suffix())
        .collect(Collectors.toList());
  }

  /** How many of these tasks the user's task query finds, asked by id: only the tasks the user's grants allow. */
  private long countById(String user, List<String> taskIds) throws Exception {
    String body = taskIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"taskIdIn\":[", "]}"));
    Http.Response response = new Http(port).post(user, "/engine-rest/task/count", body);
    assertThat(response.status()).isEqualTo(200);
    return TasklistCalls.JSON.readTree(response.body()).get("count").asLong();
  }
}
