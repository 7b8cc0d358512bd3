package org.jingzhi.engine;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.BitMaskUtil;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * The engine's handler of failed-job incidents, without its look-up for a deleted job's incidents where its execution
 * has none.
 *
 * <p>Deleting a job — a review's reminder and limit when the review ends, a limit that fired — or giving a failed job
 * retries again, the engine asks the database for incidents named after the job ({@code … ACT_RU_INCIDENT WHERE CONFIGURATION_ = ?}), to resolve the one
 * its failures may have left: 10 statements a case, nearly always finding nothing. The engine opens a failed job's
 * incident on the job's execution, and every execution knows whether it holds any incident (the same knowledge the engine
 * trusts when it ends an execution without asking for its incidents). So where the job's execution, in this command,
 * holds none, there is nothing to resolve and the look-up is left out. A job without an execution, or whose execution
 * is not in the command or holds an incident, is handled as the engine handles it; so is a job on a concurrent execution
 * or one replaced by another: when a scope's only path becomes one of several, the engine moves the path's jobs to the
 * new concurrent execution and leaves their incidents on the scope. An incident an operator opens by hand on another
 * execution and names after the job stays with that execution, and goes when it ends.
 */
final class FailedJobIncidents extends DefaultIncidentHandler {

  FailedJobIncidents() {
    super(Incident.FAILED_JOB_HANDLER_TYPE);
  }

  @Override
  protected void removeIncident(IncidentContext context, boolean incidentResolved) {
    if (!executionHoldsNone(context)) {
      super.removeIncident(context, incidentResolved);
    }
  }

  private static boolean executionHoldsNone(IncidentContext context) {
    if (context.getExecutionId() == null) {
      return false;
    }
    ExecutionEntity execution = Context.getCommandContext().getDbEntityManager().getCachedEntity(ExecutionEntity.class, context.getExecutionId());
    // the state's incident bit is off only where the execution's incidents are known and there are none
    return execution != null && !execution.isConcurrent() && execution.getReplacedBy() == null
        && !BitMaskUtil.isBitOn(execution.getCachedEntityState(), ExecutionEntity.INCIDENT_STATE_BIT);
  }
}
