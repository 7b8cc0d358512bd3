package org.jingzhi.engine;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.jingzhi.supervision.OverdueSupervision;

/**
 * The engine's history writer (level FULL) without what nobody reads (README 「Database work per case」):
 * <ul>
 *   <li>the detail row of every variable change ({@code ACT_HI_DETAIL}): the final value of every variable stays in
 *   {@code ACT_HI_VARINST}, each department's decision and opinion in its own variable ({@code review_<department>}), who
 *   completed which task when in the task and operation history — the trail, the rates and the views read those;</li>
 *   <li>the history of the counters the engine keeps on a multi-instance activity ({@code loopCounter},
 *   {@code nrOfInstances}, {@code nrOfActiveInstances}, {@code nrOfCompletedInstances}): the engine's bookkeeping of
 *   how many parallel reviews are still open, rewritten at every completion; which reviews ran and when each ended is in
 *   the activity and task history. They stay in the runtime, where the engine reads them. A variable of the case itself
 *   under one of these names keeps its history;</li>
 *   <li>the row of a step's own field created without a value, until it gets one (inserted without looking for it when
 *   it gets its value in the command that created it);</li>
 *   <li>the input parameters of a missed limit's step ({@link OverdueSupervision#INPUTS}: unit, subject, due date, …),
 *   four or more rows a miss, all written in the second a deadline storm is busiest: the step writes what they say into
 *   the overdue record ({@code jz_overdue}), which the case and event views, the case trail and Cockpit's overdue counts
 *   read, and the step itself is in the activity history. The supervision case's own variables of the same names keep
 *   their history;</li>
 *   <li>the passage through a gateway and the start of an embedded subprocess (its none start event): the path a case
 *   took is the steps it reached, each in the activity history with its start and end; no view, rate or trail reads
 *   gateways or a subprocess's start, and the engine reads neither back.</li>
 * </ul>
 * It also gives the initiator variable the case's removal time (below). The job log of a job's creation and deletion is
 * not even produced ({@link TrimmedHistoryLevel}).
 */
class TrimmedHistoryEventHandler extends DbHistoryEventHandler {

  /** How the engine names the type of a variable without a value ({@code NullValueSerializer}). */
  private static final String EMPTY = ValueType.NULL.getName().toLowerCase(Locale.ROOT);

  /** The names the engine gives a multi-instance activity's own variables (its reserved names). */
  private static final Set<String> MULTI_INSTANCE_COUNTERS = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances");

  private static final Set<String> GATEWAYS = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_INCLUSIVE,
      ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_COMPLEX, ActivityTypes.GATEWAY_EVENT_BASED);

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable
        && (isMultiInstanceCounter(variable) || isCreatedEmpty(variable) || isOverdueInput(variable))) {
      return;
    }
    if (event instanceof HistoricActivityInstanceEventEntity activity && isPassage(activity)) {
      return;
    }
    super.handleEvent(event);
    if (event instanceof HistoricProcessInstanceEventEntity started && started.getRemovalTime() != null
        && HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(started.getEventType())) {
      stampVariablesWrittenBeforeTheStart(started);
    }
  }

  /** A counter of a multi-instance activity: one of the engine's names, held by an activity's scope, not the case's own. */
  private static boolean isMultiInstanceCounter(HistoricVariableUpdateEventEntity variable) {
    return MULTI_INSTANCE_COUNTERS.contains(variable.getVariableName()) && heldByAStep(variable);
  }

  /** An input parameter of a missed limit's step: held by the step's scope, not a variable of the case or supervision case. */
  private static boolean isOverdueInput(HistoricVariableUpdateEventEntity variable) {
    return OverdueSupervision.INPUTS.contains(variable.getVariableName()) && heldByAStep(variable);
  }

  /** A variable of an activity's scope (a step, a review, a multi-instance body), not of the case itself. */
  private static boolean heldByAStep(HistoricVariableUpdateEventEntity variable) {
    return !Objects.equals(variable.getProcessInstanceId(), variable.getScopeActivityInstanceId());
  }

  /** A gateway, or the none start event of an embedded subprocess (a process's own start event is its submission). */
  private static boolean isPassage(HistoricActivityInstanceEventEntity activity) {
    String type = activity.getActivityType();
    return GATEWAYS.contains(type) || ActivityTypes.START_EVENT.equals(type)
        && !Objects.equals(activity.getProcessInstanceId(), activity.getParentActivityInstanceId());
  }

  /**
   * A step's own field created without a value, so that the task's answer stays in the step (the reviews' decision,
   * opinion and missing materials). Its history row is written when it gets a value — the engine inserts the row an update
   * finds missing — and never if the answer leaves it out. The case's own variables keep their row even when empty: an
   * administrator's restart of a case rebuilds them from history.
   */
  private static boolean isCreatedEmpty(HistoricVariableUpdateEventEntity variable) {
    return variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) && EMPTY.equals(variable.getSerializerName())
        && heldByAStep(variable);
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

  /**
   * A step's field answered in the command that created it empty (a task's completion writes each answer into the
   * step's own field as it creates it): its creation was not written, and nothing of the variable is in the database yet,
   * so the row is inserted without the engine's look-up for it, which could only find nothing. Every other update is the
   * engine's: it finds the row in this command or in the database, or inserts it when missing.
   */
  @Override
  protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
    if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE) && createdInThisCommandWithoutItsRow(event)) {
      getDbEntityManager().insert(new HistoricVariableInstanceEntity(event));
      return;
    }
    super.insertHistoricVariableUpdateEntity(event);
  }

  private boolean createdInThisCommandWithoutItsRow(HistoricVariableUpdateEventEntity event) {
    DbEntityCache cache = getDbEntityManager().getDbEntityCache();
    CachedDbEntity variable = cache.getCachedEntity(VariableInstanceEntity.class, event.getVariableInstanceId());
    return variable != null && variable.getEntityState() == DbEntityState.TRANSIENT
        && cache.get(HistoricVariableInstanceEntity.class, event.getVariableInstanceId()) == null;
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return false;
  }
}
