package org.jingzhi.engine;

import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * History level FULL (same id and name, so existing databases and every check of the level see FULL) without the job
 * log of a job's creation and deletion (README 「Database work per case」): every step's reminder and limit timers are
 * created and, when the step ends in time, deleted, and nobody reads that. A job that runs is in the activity history;
 * its success and every failure stay in the job log for operators. This holds for every job, timers, async
 * continuations and the engine's own (batches, history cleanup) alike, as the history handler's rule it replaces did.
 *
 * <p>Decided here rather than in {@link TrimmedHistoryEventHandler} because the engine asks the level before it gathers
 * an event: for each such entry it looked up the job's definition, a history batch named by the timer's configuration
 * (never found, so asked again every time) and the case's removal time, only for the handler to drop the entry. The level
 * is the one the configured name {@code full} resolves to ({@code application.yaml}); {@code auto} would resolve to the
 * engine's own FULL and write these entries again. A Spring listener of the engine's history events (turned off there)
 * would not receive these entries either.
 */
class TrimmedHistoryLevel extends HistoryLevelFull {

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return eventType != HistoryEventTypes.JOB_CREATE && eventType != HistoryEventTypes.JOB_DELETE;
  }
}
