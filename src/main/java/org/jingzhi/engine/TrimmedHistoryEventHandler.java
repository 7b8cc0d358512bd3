package org.jingzhi.engine;

import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history writer (level FULL) without two logs nothing reads (README 「Database work per case」):
 * <ul>
 *   <li>the detail row of every variable change ({@code ACT_HI_DETAIL}): the final value of every variable stays in
 *   {@code ACT_HI_VARINST}, each department's decision and opinion in its own variable ({@code review_<department>}), who
 *   completed which task when in the task and operation history — the trail, the rates and the views read those;</li>
 *   <li>the job log of a job's creation and deletion ({@code ACT_HI_JOB_LOG}): every step's reminder and limit timers are
 *   created and, when the step ends in time, deleted. A timer that fires is in the activity history; its success and
 *   every failure stay in the job log for operators.</li>
 * </ul>
 */
class TrimmedHistoryEventHandler extends DbHistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricJobLogEvent jobLog && (jobLog.isCreationLog() || jobLog.isDeletionLog())) {
      return;
    }
    super.handleEvent(event);
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return false;
  }
}
