package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.escalation.EscalationDriver;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.support.Clock;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History is kept five years from a case's submission: every history row of a case — and every grant that lets a unit
 * read it — carries the removal time history cleanup deletes it at from the moment it is written, and the case's end
 * rewrites none of them — the initiator variable, which the engine writes before the case's own history row, included (README 「Database work per case」: with removal times stamped at the end, the engine updated
 * every history row of a case once more).
 */
@IntegrationTest
class HistoryRetentionTest {

  private static final Duration KEPT = Duration.ofDays(1825);

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;
  @Autowired
  Events events;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RemovalTimeBackfill backfill;

  @AfterEach
  void tearDown() {
    Clock.reset();
  }

  @Test
  void aCasesHistoryCarriesItsRemovalTimeFromItsSubmissionToItsEnd() {
    Date submitted = Clock.at(2026, 9, 21, 9, 0);
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = acceptedCase(driver, submitted, "留存期限餐饮店开业");
    Date removal = Date.from(submitted.toInstant().plus(KEPT));

    Map<String, Long> whileRunning = rowsOf(instance.getId(), removal);
    assertThat(whileRunning).as("history rows of the running case, by table")
        .containsKeys("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_TASKINST", "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG",
            "ACT_RU_AUTHORIZATION");

    Clock.set(2026, 10, 9, 16, 0);
    driver.approve(instance, "fire", "market", "ecology", "urban");
    driver.issueResult(instance);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getEndTime()).as("ended").isNotNull();
    assertThat(rowsOf(instance.getId(), removal)).as("the ended case's history, its removal time unchanged").containsKeys(
        "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_TASKINST", "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG",
        "ACT_RU_AUTHORIZATION");
  }

  @Test
  void anEventsHistoryAndTheReportingUnitsGrantCarryTheirRemovalTime() {
    Date reported = Clock.at(2026, 9, 22, 10, 0);
    Clock.set(reported);
    EscalationDriver driver = new EscalationDriver(engine, events);
    ReportedEvent event = driver.report("hotline", "road-occupation", EscalationDriver.LIUAN, false);
    Date removal = Date.from(reported.toInstant().plus(KEPT));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ = 'hotline' AND RESOURCE_ID_ = ?"
        + " AND REMOVAL_TIME_ = ?", Long.class, event.processInstanceId(), new Timestamp(removal.getTime())))
        .as("the reporting unit's grant on the event's history").isEqualTo(1);

    Clock.set(2026, 9, 23, 10, 0);
    driver.act("liuan", event, "resolve", "已劝离占道商户，恢复通行");
    driver.returnVisit(event, "satisfied", "yes");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(event.processInstanceId())
        .singleResult().getEndTime()).as("closed").isNotNull();
    assertThat(rowsOf(event.processInstanceId(), removal)).as("the event's history, the level it was handled at included")
        .containsKeys("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_TASKINST", "ACT_HI_DECINST",
            "ACT_RU_AUTHORIZATION");
  }

  @Test
  void aCaseRunningFromBeforeHistoryWasStampedAtItsStartGetsItsRemovalTimeOnce() {
    Date submitted = Clock.at(2026, 9, 23, 9, 0);
    ProcessInstance instance = acceptedCase(new JointApprovalDriver(engine, approvals), submitted, "升级前受理的餐饮店开业");
    for (String table : tablesWith("ROOT_PROC_INST_ID_")) {
      // as a database upgraded from removal times stamped at the end holds a running case
      jdbc.update("UPDATE " + table + " SET REMOVAL_TIME_ = NULL WHERE ROOT_PROC_INST_ID_ = ?", instance.getId());
    }

    Clock.set(2026, 10, 12, 8, 0);
    List<Batch> batches = backfill.stampCasesWithoutRemovalTime();
    assertThat(batches).as("a batch for the cases without a removal time").hasSize(1);
    assertThat(backfill.stampCasesWithoutRemovalTime()).as("none while it is at work").isEmpty();
    run(batches.get(0));

    assertThat(rowsOf(instance.getId(), Date.from(submitted.toInstant().plus(KEPT)))).as("counted from the submission")
        .containsKeys("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_TASKINST", "ACT_RU_AUTHORIZATION");
    assertThat(backfill.stampCasesWithoutRemovalTime()).as("nothing left to stamp").isEmpty();
  }

  /** A restaurant-opening case submitted at {@code submitted} and accepted: its four reviews open. */
  private static ProcessInstance acceptedCase(JointApprovalDriver driver, Date submitted, String projectName) {
    Clock.set(submitted);
    ProcessInstance instance = driver.submit("restaurant-opening", projectName);
    driver.accept(instance);
    return instance;
  }

  private void run(Batch batch) {
    ManagementService management = engine.getManagementService();
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
      for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
        management.executeJob(job.getId());
      }
    }
    assertThat(management.createBatchQuery().batchId(batch.getId()).count()).as("batch done").isZero();
  }

  /**
   * The rows of the case's history (every table with a root process instance and a removal time), by table; fails on any
   * whose removal time is not {@code removal}, and on any row of one of the case's process instances without the root
   * (history cleanup would never find it).
   */
  private Map<String, Long> rowsOf(String rootProcessInstanceId, Date removal) {
    Map<String, Long> rows = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    List<String> instances = jdbc.queryForList("SELECT ID_ FROM ACT_HI_PROCINST WHERE ROOT_PROC_INST_ID_ = ?", String.class,
        rootProcessInstanceId);
    for (String table : tablesWith("PROC_INST_ID_")) {
      for (String instance : instances) {
        long rootless = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE PROC_INST_ID_ = ? AND ROOT_PROC_INST_ID_ IS NULL",
            Long.class, instance);
        if (rootless > 0) {
          wrong.add(table + ": " + rootless + " without a root");
        }
      }
    }
    for (String table : tablesWith("ROOT_PROC_INST_ID_")) {
      long all = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ = ?", Long.class, rootProcessInstanceId);
      long other = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ = ? AND (REMOVAL_TIME_ IS NULL"
          + " OR REMOVAL_TIME_ <> ?)", Long.class, rootProcessInstanceId, new Timestamp(removal.getTime()));
      if (all > 0) {
        rows.put(table, all);
      }
      if (other > 0) {
        wrong.add(table + ": " + other + " of " + all);
      }
    }
    assertThat(wrong).as("rows without the removal time " + removal).isEmpty();
    return rows;
  }

  /** The tables with a removal time and a root process instance that also have {@code column}. */
  private List<String> tablesWith(String column) {
    return jdbc.queryForList("SELECT UPPER(c.TABLE_NAME) FROM INFORMATION_SCHEMA.COLUMNS c WHERE c.TABLE_SCHEMA = CURRENT_SCHEMA"
        + " AND UPPER(c.COLUMN_NAME) = 'REMOVAL_TIME_' AND EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.COLUMNS r"
        + " WHERE r.TABLE_SCHEMA = c.TABLE_SCHEMA AND r.TABLE_NAME = c.TABLE_NAME AND UPPER(r.COLUMN_NAME) = 'ROOT_PROC_INST_ID_')"
        + " AND EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.COLUMNS o WHERE o.TABLE_SCHEMA = c.TABLE_SCHEMA AND o.TABLE_NAME = c.TABLE_NAME"
        + " AND UPPER(o.COLUMN_NAME) = ?)", String.class, column);
  }
}
