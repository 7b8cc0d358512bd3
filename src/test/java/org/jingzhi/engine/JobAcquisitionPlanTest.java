package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.jingzhi.support.EngineStatements;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.PostgresPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The job executor's look-up for due jobs, as PostgreSQL runs it on the platform's connections (one generic plan a
 * statement): it reads the due jobs in due-date order and stops at the first that is not due, so a quiet poll costs
 * nothing however many limits of the city's open cases wait, and it finds the jobs other threads hold among the locked
 * ones alone (issue 15, README 「Deadline storm」, fifteenth round). Ordered by type first, or with jobs that may have no
 * due date, the plan walked every waiting timer at every poll, and it scanned the whole table for the locked jobs.
 */
@IntegrationTest
class JobAcquisitionPlanTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;

  @Test
  void theLookUpReadsTheDueJobsInOrderAndTheLockedOnesAlone() throws Exception {
    assumeTrue(PostgresPlans.onPostgres(dataSource), "PostgreSQL only");
    List<String> statement = acquisitionStatement();

    JsonNode plan = genericPlan(statement.get(0), statement.subList(1, statement.size()));

    JsonNode jobScan = PostgresPlans.scanOf(plan, "res");
    assertThat(jobScan.path("Node Type").asText()).as(plan.toPrettyString()).isEqualTo("Index Scan");
    assertThat(jobScan.path("Index Name").asText()).as(plan.toPrettyString()).isEqualTo("jz_idx_job_due");
    assertThat(jobScan.path("Index Cond").asText()).as(plan.toPrettyString()).contains("duedate_ <=");
    assertThat(plan.toString()).as("nothing sorted: the index gives the order").doesNotContain("\"Node Type\":\"Sort\"");
    JsonNode lockedScan = PostgresPlans.scanOf(plan, "j2");
    assertThat(lockedScan.path("Node Type").asText()).as(plan.toPrettyString()).isEqualTo("Index Scan");
    assertThat(lockedScan.path("Index Name").asText()).as("the jobs locked now, not a scan of all").isEqualTo("jz_idx_job_locked");
  }

  /** The engine's acquisition statement as it sends it now: its SQL, then its parameters as SQL literals. */
  private List<String> acquisitionStatement() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    EngineStatements.Sent sent = EngineStatements.lastSent(engine, "selectNextJobsToExecute", () ->
        configuration.getCommandExecutorTxRequired().execute(context -> context.getJobManager().findNextJobsToExecute(new Page(0, 24))));
    assertThat(sent).as("the engine's acquisition statement").isNotNull();
    List<String> sqlAndLiterals = new ArrayList<>(List.of(sent.sql()));
    sent.parameters().forEach(value -> sqlAndLiterals.add(PostgresPlans.literal(value)));
    return sqlAndLiterals;
  }

  /**
   * The generic plan PostgreSQL makes for the statement while the jobs table holds the limits of 2,000 open cases, all
   * waiting (rows shaped like the engine's timers, analyzed as autovacuum would, and rolled back: the shared test
   * database keeps nothing of them).
   */
  private JsonNode genericPlan(String sql, List<String> parameters) throws Exception {
    return PostgresPlans.rolledBack(dataSource, "ACT_RU_JOB", statement -> {
      statement.execute("INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, PROCESS_INSTANCE_ID_, RETRIES_, DUEDATE_, HANDLER_TYPE_,"
          + " SUSPENSION_STATE_, PRIORITY_, CREATE_TIME_) SELECT 'jz-waiting-' || n, 1, 'timer', true, 'jz-open-case-' || (n / 4), 3,"
          + " CURRENT_TIMESTAMP + (1 + n % 20) * INTERVAL '1 day', 'timer-transition', 1, 0, CURRENT_TIMESTAMP"
          + " FROM generate_series(1, 8000) AS n");
      statement.execute("ANALYZE ACT_RU_JOB");
      return PostgresPlans.genericPlan(statement, sql, parameters, false);
    });
  }
}
