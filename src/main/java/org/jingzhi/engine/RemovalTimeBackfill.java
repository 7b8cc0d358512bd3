package org.jingzhi.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cases that were running when history began to be stamped with its removal time at the start (README 「Database work per
 * case」) have none: the engine stamps a case when it starts, and would never stamp these, so history cleanup would never
 * remove them. At start, before the node lets the next one start, it hands them to the engine's own batches that stamp a
 * case and every process it called — counted from the case's submission, or from its end if it ended unstamped — unless
 * such a batch is still at work. A failure is logged and tried again at the next start; the node starts anyway.
 */
@Component
public class RemovalTimeBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(RemovalTimeBackfill.class);
  /** Only cases whose model keeps history for a time: without one there is no removal time to give, at any start. */
  private static final String UNSTAMPED_CASES = "SELECT p.ID_ FROM ACT_HI_PROCINST p JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_"
      + " WHERE p.ID_ = p.ROOT_PROC_INST_ID_ AND p.REMOVAL_TIME_ IS NULL AND d.HISTORY_TTL_ IS NOT NULL";
  /** Cases per batch: the engine keeps a batch's ids in one value and looks them up as one statement's parameters. */
  static final int CASES_PER_BATCH = 5_000;

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  RemovalTimeBackfill(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /** Before {@code StartupLock} lets the next node start, so that the next node finds the batches and leaves them. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void atStart() {
    try {
      stampCasesWithoutRemovalTime();
    } catch (RuntimeException e) {
      LOG.error("Cases without a removal time were not handed to the engine's batch; the next start tries again", e);
    }
  }

  /** Answers the batches that stamp them: none when there is nothing to stamp, or a batch is already at it. */
  public List<Batch> stampCasesWithoutRemovalTime() {
    String strategy = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryRemovalTimeStrategy();
    if (!ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START.equals(strategy)
        || engine.getManagementService().createBatchQuery().type(Batch.TYPE_PROCESS_SET_REMOVAL_TIME).count() > 0) {
      return List.of();
    }
    List<String> cases = jdbc.queryForList(UNSTAMPED_CASES, String.class);
    List<Batch> batches = new ArrayList<>();
    for (int from = 0; from < cases.size(); from += CASES_PER_BATCH) {
      List<String> some = cases.subList(from, Math.min(cases.size(), from + CASES_PER_BATCH));
      batches.add(engine.getHistoryService().setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime()
          .byIds(some.toArray(String[]::new)).hierarchical().executeAsync());
    }
    if (!cases.isEmpty()) {
      LOG.info("{} cases from before history was stamped at its start get their removal time ({} batches)", cases.size(),
          batches.size());
    }
    return batches;
  }
}
