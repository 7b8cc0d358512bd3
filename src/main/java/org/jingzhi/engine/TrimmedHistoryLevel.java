package org.jingzhi.engine;

import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * History level FULL (same id and name, so existing databases and every check of the level see FULL) without the job
 * log of a job's creation and deletion (README 「Database work per case」): every step's reminder and limit timers are
 * created and, when the step ends in time, deleted, and nobody reads that. A timer that fires is in the activity
 * history; its success and every failure stay in the job log for operators.
 *
 * <p>Decided here rather than in {@link TrimmedHistoryEventHandler} because the engine asks the level before it gathers
 * an event: for each such entry it looked up the job's definition, a history batch named by the timer's configuration
 * (never found, so asked again every time) and the case's removal time, only for the handler to drop the entry.
 */
class TrimmedHistoryLevel extends HistoryLevelFull {

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return eventType != HistoryEventTypes.JOB_CREATE && eventType != HistoryEventTypes.JOB_DELETE;
  }
}
