package org.jingzhi.benchmark;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases whose review limits all fall due in the same second, and what became of them. Each case is a restaurant opening
 * submitted and accepted as the window does it, so four departments review it, each with its limit timer (审查超期); the
 * storm sets those timers' due dates to one past second with SQL — as if the clock had reached 23:59:59 of the day all
 * those limits end. The cases' project names carry {@code tag}, which finds their overdue records and supervision cases.
 */
final class DeadlineStorm {

  static final String LIMIT_TIMER = "reviewOverdueTimer";
  static final int REVIEWS_PER_CASE = 4;
  private static final int CHUNK = 500;

  private final ProcessEngine engine;
  private final JointApprovalDriver driver;
  private final JdbcTemplate jdbc;
  private final String tag;
  private final List<String> cases = Collections.synchronizedList(new ArrayList<>());

  DeadlineStorm(ProcessEngine engine, JointApprovals approvals, JdbcTemplate jdbc, String tag) {
    this.engine = engine;
    this.driver = new JointApprovalDriver(engine, approvals);
    this.jdbc = jdbc;
    this.tag = tag;
  }

  /** Opens {@code count} cases waiting for their four reviews; answers their process instances. */
  List<String> openCases(int count, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> opened = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String project = tag + " 餐饮店开业 " + (i + 1);
        opened.add(pool.submit(() -> {
          var instance = driver.submit("restaurant-opening", project);
          driver.accept(instance);
          return instance.getId();
        }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> future : opened) {
        ids.add(future.get());
      }
      cases.addAll(ids);
      return ids;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Makes every review limit of the cases due at the same second, {@code secondsAhead} from now; answers that second.
   * Statistics are then gathered on the jobs, as autovacuum would have done in the days the real timers waited for that
   * second (their due dates are set when they are created): the planner knows that many jobs fall due then.
   */
  Instant fallDue(int secondsAhead) {
    Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(secondsAhead);
    for (List<String> chunk : chunks(cases)) {
      jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE PROCESS_INSTANCE_ID_ IN (" + marks(chunk.size()) + ")"
          + " AND JOB_DEF_ID_ IN (SELECT ID_ FROM ACT_RU_JOBDEF WHERE ACT_ID_ = '" + LIMIT_TIMER + "')", args(Timestamp.from(due), chunk));
    }
    boolean h2 = "H2".equals(jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
    jdbc.execute(h2 ? "ANALYZE TABLE ACT_RU_JOB" : "ANALYZE ACT_RU_JOB");
    return due;
  }

  /** Runs the due limit timers in this thread, as the job executor would (the test context runs no job executor). */
  void runDueTimersHere() {
    for (String instance : cases) {
      for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(LIMIT_TIMER).duedateLowerThan(
          Date.from(Instant.now())).list()) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
  }

  /** What the storm has done so far. */
  record Outcome(int timers, int overdueRecords, int distinctMisses, int supervisionCases, int stillDue, int failedJobs, List<Long> latenessMillis) {

    boolean done() {
      return overdueRecords >= timers && stillDue == 0;
    }

    long percentile(double share) {
      if (latenessMillis.isEmpty()) {
        return -1;
      }
      List<Long> sorted = latenessMillis.stream().sorted().toList();
      return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1));
    }
  }

  /** The review limits of the cases opened so far. */
  int timers() {
    return cases.size() * REVIEWS_PER_CASE;
  }

  /** How many limits have been recorded as missed so far: a light query the storm can be polled with. */
  int recorded() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM jz_overdue WHERE subject LIKE ?", Integer.class, "%" + tag + "%");
  }

  Outcome outcome(Instant due) {
    String like = "%" + tag + "%";
    List<Long> lateness = jdbc.query("SELECT recorded_at FROM jz_overdue WHERE subject LIKE ?",
        (row, i) -> row.getTimestamp(1).toInstant().toEpochMilli() - due.toEpochMilli(), like);
    Integer distinct = jdbc.queryForObject("SELECT COUNT(DISTINCT scope_instance_id) FROM jz_overdue WHERE subject LIKE ?", Integer.class, like);
    Integer supervision = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p ON p.ID_ = v.PROC_INST_ID_"
        + " WHERE p.PROC_DEF_KEY_ = 'supervision' AND v.NAME_ = 'supervisionSubject' AND v.TEXT_ LIKE ?", Integer.class, like);
    int stillDue = 0;
    int failed = 0;
    for (List<String> chunk : chunks(cases)) {
      String inCases = " PROCESS_INSTANCE_ID_ IN (" + marks(chunk.size()) + ")";
      stillDue += jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE" + inCases + " AND DUEDATE_ <= ?", Integer.class,
          args(chunk, Timestamp.from(due)));
      failed += jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE" + inCases + " AND EXCEPTION_MSG_ IS NOT NULL", Integer.class,
          chunk.toArray());
    }
    return new Outcome(timers(), lateness.size(), distinct, supervision, stillDue, failed, lateness);
  }

  /** Removes the cases, their supervision cases and our rows about them (the smoke test shares its database). */
  void remove() {
    String like = "%" + tag + "%";
    List<String> supervision = jdbc.queryForList("SELECT v.PROC_INST_ID_ FROM ACT_HI_VARINST v WHERE v.NAME_ = 'supervisionSubject'"
        + " AND v.TEXT_ LIKE ?", String.class, like);
    List<String> all = new ArrayList<>(cases);
    all.addAll(supervision);
    for (List<String> chunk : chunks(all)) {
      jdbc.update("DELETE FROM jz_notice WHERE process_instance_id IN (" + marks(chunk.size()) + ")", chunk.toArray());
    }
    jdbc.update("DELETE FROM jz_overdue WHERE subject LIKE ?", like);
    List<String> running = all.stream()
        .filter(id -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0).toList();
    if (!running.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(running, "基准冒烟测试清理", true, true);
    }
    engine.getHistoryService().deleteHistoricProcessInstances(all);
  }

  private static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += CHUNK) {
      chunks.add(new ArrayList<>(ids.subList(i, Math.min(ids.size(), i + CHUNK))));
    }
    return chunks;
  }

  private static String marks(int count) {
    return String.join(",", Collections.nCopies(count, "?"));
  }

  private static Object[] args(Object first, List<String> rest) {
    List<Object> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all.toArray();
  }

  private static Object[] args(List<String> first, Object last) {
    List<Object> all = new ArrayList<>(first);
    all.add(last);
    return all.toArray();
  }
}
