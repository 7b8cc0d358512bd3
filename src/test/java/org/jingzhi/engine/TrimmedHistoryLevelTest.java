package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.support.EngineStatements;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine runs at history level FULL as every database holds it, but gathers no job log of a timer's creation or
 * deletion, which nobody reads (what history keeps of a fired timer: TrimmedHistoryEventHandlerTest).
 */
@IntegrationTest
class TrimmedHistoryLevelTest {

  /** The look-up the engine made for each job log entry: a history batch named by the timer's configuration. */
  private static final String BATCH_LOOKUP = "selectHistoricBatch";

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;

  @Test
  void theLevelIsFullForTheDatabaseAndEveryCheckOfIt() {
    HistoryLevel level = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
    assertThat(level).isInstanceOf(TrimmedHistoryLevel.class);
    assertThat(level.getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
    assertThat(level.getName()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getName());
    assertThat(engine.getManagementService().getProperties()).containsEntry("historyLevel", "3");
  }

  @Test
  void acceptingACaseCreatesAndDeletesTimersWithoutGatheringTheirJobLog() {
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", "不记定时器日志餐饮店");

    int lookups = EngineStatements.selects(engine, BATCH_LOOKUP, () -> driver.accept(instance));

    assertThat(driver.departmentTimer(instance, "reviewReminderTimer", "market")).as("the reviews' timers were created").isNotNull();
    assertThat(lookups).as("job log entries gathered for the window's timers deleted and the reviews' created").isZero();
  }
}
