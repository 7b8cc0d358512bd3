package org.jingzhi.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;

/**
 * The engine's history writer (level FULL) without three logs nothing reads (README 「Database work per case」):
 * <ul>
 *   <li>the detail row of every variable change ({@code ACT_HI_DETAIL}): the final value of every variable stays in
 *   {@code ACT_HI_VARINST}, each department's decision and opinion in its own variable ({@code review_<department>}), who
 *   completed which task when in the task and operation history — the trail, the rates and the views read those;</li>
 *   <li>the job log of a job's creation and deletion ({@code ACT_HI_JOB_LOG}): every step's reminder and limit timers are
 *   created and, when the step ends in time, deleted. A timer that fires is in the activity history; its success and
 *   every failure stay in the job log for operators;</li>
 *   <li>the history of the counters the engine keeps on a multi-instance activity ({@code loopCounter},
 *   {@code nrOfInstances}, {@code nrOfActiveInstances}, {@code nrOfCompletedInstances}): the engine's bookkeeping of
 *   how many parallel reviews are still open, rewritten at every completion; which reviews ran and when each ended is in
 *   the activity and task history. They stay in the runtime, where the engine reads them.</li>
 * </ul>
 * It also gives the initiator variable the case's removal time (below).
 */
class TrimmedHistoryEventHandler extends DbHistoryEventHandler {

  /** The names the engine gives a multi-instance activity's own variables (its reserved names). */
  static final Set<String> MULTI_INSTANCE_COUNTERS = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances");

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricJobLogEvent jobLog && (jobLog.isCreationLog() || jobLog.isDeletionLog())) {
      return;
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable && MULTI_INSTANCE_COUNTERS.contains(variable.getVariableName())) {
      return;
    }
    super.handleEvent(event);
    if (event instanceof HistoricProcessInstanceEventEntity started && started.getRemovalTime() != null
        && HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(started.getEventType())) {
      stampVariablesWrittenBeforeTheStart(started);
    }
  }

  /**
   * With removal times stamped at the start, the engine gives each history row the case's removal time — except the
   * initiator variable ({@code camunda:initiator}), which it writes before the case's own history row exists: that one
   * would never be cleaned up. It is still waiting in this command's cache to be inserted; it gets the case's time.
   */
  private static void stampVariablesWrittenBeforeTheStart(HistoricProcessInstanceEventEntity started) {
    for (HistoricVariableInstanceEntity variable : Context.getCommandContext().getDbEntityManager()
        .getCachedEntitiesByType(HistoricVariableInstanceEntity.class)) {
      if (variable.getRemovalTime() == null && started.getRootProcessInstanceId().equals(variable.getRootProcessInstanceId())) {
        variable.setRemovalTime(started.getRemovalTime());
      }
    }
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return false;
  }
}
