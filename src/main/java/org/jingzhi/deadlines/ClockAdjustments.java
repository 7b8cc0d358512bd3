package org.jingzhi.deadlines;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.jingzhi.calendar.Deadline;
import org.jingzhi.calendar.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * Changes a running clock inside the engine command that decides it (an approved extension, an excluded period that
 * starts or ends), and moves what follows it in the same transaction: the variable and the copies passed to called
 * instances, the due dates of open tasks below it (their model's expression, as of their creation) and its timers
 * (recalculated by the engine). Every move is kept for the audit trail.
 */
@Component
public class ClockAdjustments {

  private final Clocks clocks;
  private final DeadlineChanges changes;
  private final LimitNames limitNames;
  private final WorkingDays workingDays;

  ClockAdjustments(Clocks clocks, DeadlineChanges changes, LimitNames limitNames, WorkingDays workingDays) {
    this.workingDays = workingDays;
    this.clocks = clocks;
    this.changes = changes;
    this.limitNames = limitNames;
  }

  /** The deadline {@code variable} as seen from {@code from} (the clock's own value, not a copy). */
  public Date due(ExecutionEntity from, String variable) {
    return (Date) holder(from, variable).getVariableLocal(variable);
  }

  /** Whether {@code variable} seen from {@code from} is a working-day clock (not one of a model version before clocks). */
  public boolean hasClock(ExecutionEntity from, String variable) {
    ExecutionEntity holder = topmostHolder(from, variable);
    return holder != null && clocks.of(holder.getId(), variable).isPresent();
  }

  /** Adds {@code days} working days to the clock of {@code variable} seen from {@code from}; the new deadline. */
  public Date extendWorkingDays(ExecutionEntity from, String variable, int days, String cause, String user) {
    ExecutionEntity holder = holder(from, variable);
    Clocks.Clock clock = clocks.of(holder.getId(), variable)
        .orElseThrow(() -> new IllegalStateException(variable + " of " + holder.getId() + " is not a working-day clock"));
    return move(holder, variable, clocks.extended(clock, days), cause, user);
  }

  /** Adds clock hours to a deadline counted in hours (an urgent event's level limit); the new deadline. */
  public Date extendHours(ExecutionEntity from, String variable, int hours, String cause, String user) {
    ExecutionEntity holder = holder(from, variable);
    Date old = (Date) holder.getVariableLocal(variable);
    Date due = new Date(old.getTime() + hours * 3_600_000L);
    moveTo(holder, variable, old, due, cause, user);
    return due;
  }

  /** Stops the clock of {@code variable} until it is expected to run again; its deadline meanwhile is projected from then. */
  public Date stop(ExecutionEntity from, String variable, Date expectedResume, String cause, String user) {
    ExecutionEntity holder = holder(from, variable);
    Clocks.Clock clock = clocks.of(holder.getId(), variable).orElseThrow();
    return move(holder, variable, clocks.stopped(clock, ClockUtil.getCurrentTime(), expectedResume), cause, user);
  }

  /** Ends one stop of the clock of {@code variable}: when nothing holds it, it runs again now with what it had left. */
  public Date resume(ExecutionEntity from, String variable, String cause, String user) {
    ExecutionEntity holder = holder(from, variable);
    Clocks.Clock clock = clocks.of(holder.getId(), variable).orElseThrow();
    return move(holder, variable, clocks.resumed(clock, ClockUtil.getCurrentTime()), cause, user);
  }

  private Date move(ExecutionEntity holder, String variable, Clocks.Clock clock, String cause, String user) {
    Deadline deadline = clocks.deadlineOf(clock);
    Date due = workingDays.endOf(deadline.deadline());
    clocks.moved(clock, due, deadline.provisional());
    moveTo(holder, variable, clock.due(), due, cause, user);
    // a stopped clock's timers wait: its due date is only a projection until the result arrives
    timersFollowing(holder, variable).forEach(timer -> timer.setSuspensionState(clock.stopped()
        ? SuspensionState.SUSPENDED.getStateCode() : SuspensionState.ACTIVE.getStateCode()));
    return due;
  }

  private void moveTo(ExecutionEntity holder, String variable, Date old, Date due, String cause, String user) {
    List<DeadlineMove> moves = new ArrayList<>();
    String number = caseNumber(holder);
    if (!due.equals(old)) {
      holder.setVariableLocal(variable, due);
      moves.add(new DeadlineMove(number, holder.getProcessInstanceId(), DeadlineMove.DEADLINE,
          limitNames.of(variable, unitOf(holder, variable)), null, old, due));
    }
    CommandContext context = Context.getCommandContext();
    for (ExecutionEntity execution : below(holder)) {
      if (execution != holder && execution.hasVariableLocal(variable) && Objects.equals(old, execution.getVariableLocal(variable))) {
        execution.setVariableLocal(variable, due);  // a copy a call activity passed on
      }
      for (TaskEntity task : execution.getTasks()) {
        Date modelled = dueAsModelled(task);
        if (modelled != null && task.getDueDate() != null && !modelled.equals(task.getDueDate())) {
          moves.add(new DeadlineMove(number, task.getProcessInstanceId(), DeadlineMove.TASK, task.getName(), task.getId(), task.getDueDate(),
              modelled));
          task.setDueDate(modelled);
        }
      }
    }
    for (TimerEntity timer : timersFollowing(holder, variable)) {
      Date before = timer.getDuedate();
      boolean checks = context.isAuthorizationCheckEnabled();
      context.disableAuthorizationCheck();
      try {
        new RecalculateJobDuedateCmd(timer.getId(), false).execute(context);
      } finally {
        if (checks) {
          context.enableAuthorizationCheck();
        }
      }
      if (!Objects.equals(before, timer.getDuedate())) {
        moves.add(new DeadlineMove(number, timer.getProcessInstanceId(), DeadlineMove.TIMER, timerName(context, timer), null, before,
            timer.getDuedate()));
      }
    }
    changes.record(moves, cause, user == null ? "system" : user, ClockUtil.getCurrentTime());
  }

  /** The timers below the holder whose time the model computes from {@code variable} (its reminders, its overdue timer). */
  private static List<TimerEntity> timersFollowing(ExecutionEntity holder, String variable) {
    CommandContext context = Context.getCommandContext();
    List<TimerEntity> timers = new ArrayList<>();
    for (ExecutionEntity execution : below(holder)) {
      for (JobEntity job : execution.getJobs()) {
        if (job instanceof TimerEntity timer && timeExpression(context, timer).contains(variable)) {
          timers.add(timer);
        }
      }
    }
    return timers;
  }

  private static String timeExpression(CommandContext context, TimerEntity timer) {
    String activity = timer.getActivityId();
    ModelElementInstance element = activity == null ? null : context.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(timer.getProcessDefinitionId()).getModelElementById(activity);
    if (element == null) {
      return "";
    }
    return element.getChildElementsByType(TimerEventDefinition.class).stream()
        .map(definition -> definition.getTimeDate() != null ? definition.getTimeDate().getTextContent() : "")
        .findFirst().orElse("");
  }

  /** The topmost execution from {@code from} upwards (across call activities) holding {@code variable}: the clock's own. */
  private static ExecutionEntity holder(ExecutionEntity from, String variable) {
    ExecutionEntity holder = topmostHolder(from, variable);
    if (holder == null) {
      throw new IllegalStateException("No execution above " + from.getId() + " holds " + variable);
    }
    return holder;
  }

  private static ExecutionEntity topmostHolder(ExecutionEntity from, String variable) {
    ExecutionEntity holder = null;
    for (ExecutionEntity execution = from; execution != null; execution = up(execution)) {
      if (execution.hasVariableLocal(variable)) {
        holder = execution;
      }
    }
    return holder;
  }

  private static ExecutionEntity up(ExecutionEntity execution) {
    return execution.getParent() != null ? execution.getParent() : execution.getSuperExecution();
  }

  /** The execution and everything below it, the instances it called included. */
  private static List<ExecutionEntity> below(ExecutionEntity top) {
    List<ExecutionEntity> all = new ArrayList<>(List.of(top));
    for (int index = 0; index < all.size(); index++) {
      ExecutionEntity execution = all.get(index);
      all.addAll(execution.getExecutions());
      if (execution.getSubProcessInstance() != null) {
        all.add(execution.getSubProcessInstance());
      }
    }
    return all;
  }

  static Date dueAsModelled(TaskEntity task) {
    TaskDefinition definition = task.getTaskDefinition();
    Expression expression = definition == null ? null : definition.getDueDateExpression();
    if (expression == null) {
      return null;
    }
    Object value = WorkingDays.asOf(task.getCreateTime(), () -> expression.getValue(task));
    return value instanceof Date date ? date : null;
  }

  private static String caseNumber(ExecutionEntity execution) {
    ExecutionEntity instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance.getBusinessKey() != null ? instance.getBusinessKey() : instance.getId();
  }

  private String unitOf(ExecutionEntity holder, String variable) {
    return clocks.of(holder.getId(), variable).map(Clocks.Clock::unit).orElse(null);
  }

  static String timerName(CommandContext context, Job job) {
    Optional<String> activity = Optional.ofNullable(((JobEntity) job).getActivityId());
    return activity.map(id -> {
      FlowElement element = context.getProcessEngineConfiguration().getDeploymentCache()
          .findBpmnModelInstanceForProcessDefinition(job.getProcessDefinitionId()).getModelElementById(id);
      return element != null && element.getName() != null ? "定时器「" + element.getName() + "」" : "定时器 " + id;
    }).orElse("定时器");
  }
}
