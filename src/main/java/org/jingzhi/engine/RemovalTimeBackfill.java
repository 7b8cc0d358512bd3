package org.jingzhi.engine;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cases that were running when history began to be stamped with its removal time at the start (README 「Database work per
 * case」) have none: the engine stamps a case when it starts, and would never stamp these, so history cleanup would never
 * remove them. At start, this node hands them to the engine's own batch that stamps a case and every process it called
 * with the time counted from the case's submission — once: not while such a batch is still at work.
 */
@Component
public class RemovalTimeBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(RemovalTimeBackfill.class);
  private static final String UNSTAMPED_RUNNING_CASES = "SELECT ID_ FROM ACT_HI_PROCINST WHERE ID_ = ROOT_PROC_INST_ID_"
      + " AND END_TIME_ IS NULL AND REMOVAL_TIME_ IS NULL";

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  RemovalTimeBackfill(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    stampCasesWithoutRemovalTime();
  }

  /** Answers the batch that stamps them, or null when there is nothing to stamp (or a batch is already at it). */
  public Batch stampCasesWithoutRemovalTime() {
    String strategy = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryRemovalTimeStrategy();
    if (!ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START.equals(strategy)
        || engine.getManagementService().createBatchQuery().type(Batch.TYPE_PROCESS_SET_REMOVAL_TIME).count() > 0) {
      return null;
    }
    List<String> cases = jdbc.queryForList(UNSTAMPED_RUNNING_CASES, String.class);
    if (cases.isEmpty()) {
      return null;
    }
    Batch batch = engine.getHistoryService().setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime().byIds(
        cases.toArray(String[]::new)).hierarchical().executeAsync();
    LOG.info("{} cases running from before history was stamped at its start get their removal time (batch {})", cases.size(),
        batch.getId());
    return batch;
  }
}
