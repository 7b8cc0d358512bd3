package org.jingzhi.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.approval.JointApprovals;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A deadline storm on one node: {@code storm.timers} (10,000) review limits fall due in the same second
 * ({@link DeadlineStorm}) while the job executor runs with the settings of {@code application.yaml}, and meanwhile a clerk
 * of each department completes reviews of other cases through the REST API. Prints the lateness of the overdue records
 * (p50, p99, the last), whether every limit was handled once (overdue records, supervision cases, failed jobs) and the
 * clerks' completion times (p50, p95), then how long the storm's e-mails to the units took to go out ({@link StormNotices}). Not a
 * test: it asserts nothing.
 *
 * <p>{@code ./mvnw -Pbenchmark test-compile exec:java -Dbenchmark.main=org.jingzhi.benchmark.DeadlineStormBenchmark}; job
 * executor settings can be tried with system properties, e.g. {@code -Dcamunda.bpm.job-execution.max-pool-size=8}.
 */
public final class DeadlineStormBenchmark {

  private DeadlineStormBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int timers = Integer.getInteger("storm.timers", 10_000);
    int clerkCases = Integer.getInteger("storm.clerk-cases", 100);
    int threads = Integer.getInteger("storm.threads", 2);
    Duration patience = Duration.ofSeconds(Long.getLong("storm.patience-seconds", 900));
    // the city's SMTP server: units with a mailbox (demo: urban, supervision) get their notices by e-mail too; stopped at
    // the end, or its thread would keep the benchmark's JVM (exec:java waits for it) running after the last figure
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    try (ConfigurableApplicationContext app = RestCaseBenchmark.startJingzhi(RestCaseBenchmark.freshDatabase("jingzhi_storm"),
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort())) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      JointApprovals approvals = app.getBean(JointApprovals.class);
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      String run = UUID.randomUUID().toString().substring(0, 8);
      DeadlineStorm storm = new DeadlineStorm(engine, approvals, jdbc, "时限风暴" + run);
      DeadlineStorm working = new DeadlineStorm(engine, approvals, jdbc, "正常办理" + run);

      long opening = System.nanoTime();
      storm.openCases((timers + DeadlineStorm.REVIEWS_PER_CASE - 1) / DeadlineStorm.REVIEWS_PER_CASE, threads);
      List<String> clerkWork = working.openCases(clerkCases, threads);
      System.out.printf("%nOpened the cases in %.0f s%n", (System.nanoTime() - opening) / 1e9);
      jdbc.execute("ANALYZE");  // as autovacuum would have by now (it is off on the benchmark machine's PostgreSQL)

      Clerks clerks = new Clerks(new RestCaseBenchmark.Client(RestCaseBenchmark.port(app), "/engine-rest", true), clerkWork);
      Statements.reset();
      StormNotices.Mark outbox = StormNotices.mark(jdbc, smtp);
      Instant due = storm.fallDue(5);
      Thread clerking = new Thread(clerks, "clerks");
      clerking.start();
      DeadlineStorm.Outcome outcome = awaitHandled(storm, due, patience);
      Duration allDone = Duration.between(due, Instant.now());
      clerks.stop();
      clerking.join();
      System.out.println(report(outcome, allDone, clerks, app.getEnvironment()));
      System.out.println(Statements.perCase("jingzhi_storm", timers).replace("per case", "per limit"));
      System.out.println(StormNotices.awaitDelivered(jdbc, outbox, due, smtp, patience));
    } finally {
      smtp.stop();
    }
  }

  /**
   * Polls with the light count until every limit is recorded, then checks the whole outcome; gives up after
   * {@code patience} and answers what there is.
   */
  static DeadlineStorm.Outcome awaitHandled(DeadlineStorm storm, Instant due, Duration patience) throws InterruptedException {
    Instant giveUp = due.plus(patience);
    while (true) {
      Thread.sleep(1000);
      boolean late = Instant.now().isAfter(giveUp);
      if (late || storm.recorded() >= storm.timers()) {
        DeadlineStorm.Outcome outcome = storm.outcome(due);
        if (late || outcome.done()) {
          return outcome;
        }
      }
    }
  }

  static String report(DeadlineStorm.Outcome outcome, Duration seen, Clerks clerks, Environment settings) {
    StringBuilder out = new StringBuilder(String.format("%n%d review limits due in the same second, one node, PostgreSQL%n", outcome.timers()));
    out.append("| | |\n|---|---|\n");
    out.append(String.format("| overdue records written | %d (distinct misses %d) |%n", outcome.overdueRecords(), outcome.distinctMisses()));
    out.append(String.format("| supervision cases opened | %d |%n", outcome.supervisionCases()));
    out.append(String.format("| limits still due / failed jobs | %d / %d |%n", outcome.stillDue(), outcome.failedJobs()));
    out.append(String.format("| lateness p50 / p99 / last | %.1f s / %.1f s / %.1f s |%n", outcome.percentile(0.50) / 1e3,
        outcome.percentile(0.99) / 1e3, outcome.percentile(1.0) / 1e3));
    out.append(String.format("| all handled, seen by the poll after | %.1f s |%n", seen.toMillis() / 1e3));
    out.append(String.format("| clerks' completions meanwhile (REST, %d) p50 / p95 | %.0f ms / %.0f ms |%n", clerks.count(),
        clerks.percentile(0.50), clerks.percentile(0.95)));
    out.append("\njob executor: ");
    for (String name : List.of("core-pool-size", "max-pool-size", "queue-capacity", "max-jobs-per-acquisition", "wait-time-in-millis",
        "max-wait", "lock-time-in-millis")) {
      out.append(name).append('=').append(settings.getProperty("camunda.bpm.job-execution." + name, "(engine default)")).append("  ");
    }
    return out.toString();
  }

  /** The departments' clerks completing reviews of other cases, one after another, until stopped or out of work. */
  static final class Clerks implements Runnable {

    private final RestCaseBenchmark.Client client;
    private final List<String> cases;
    private final List<Double> completions = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stopped = new AtomicBoolean();

    Clerks(RestCaseBenchmark.Client client, List<String> cases) {
      this.client = client;
      this.cases = cases;
    }

    @Override
    public void run() {
      try {
        for (String instance : cases) {
          for (String department : JointApprovalBenchmark.DEPARTMENTS) {
            if (stopped.get()) {
              return;
            }
            completions.add(client.approveReview(instance, department));
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException("A clerk's completion failed during the storm", e);
      }
    }

    void stop() {
      stopped.set(true);
    }

    int count() {
      return completions.size();
    }

    double percentile(double share) {
      List<Double> sorted = new ArrayList<>(completions);
      Collections.sort(sorted);
      return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1));
    }
  }
}
