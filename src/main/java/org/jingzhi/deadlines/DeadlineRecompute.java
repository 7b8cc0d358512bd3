package org.jingzhi.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.calendar.Deadline;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.engine.AsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts open deadlines again with the calendar in force, from the moment each clock started: the limits kept
 * by {@link Clocks}, the due dates of open tasks (their model's expression, evaluated again as of the task's
 * creation) and the timers that follow them (evaluated again by the engine). Only what is still waiting moves: a
 * timer that fired is gone and does not fire again; one whose new time has passed fires at the job executor's next
 * round. Each case or event (with the instances it called) is one transaction; a race with its clerks is run again.
 */
@Component
public class DeadlineRecompute {

  static final int ATTEMPTS = 5;
  private static final int BATCH = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineRecompute.class);

  private final Clocks clocks;
  private final DeadlineChanges changes;
  private final WorkingDays workingDays;
  private final LimitNames limitNames;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final CommandExecutor commands;
  private final TransactionTemplate transaction;

  DeadlineRecompute(Clocks clocks, DeadlineChanges changes, WorkingDays workingDays,
                    LimitNames limitNames, ProcessEngine engine, TransactionTemplate transaction) {
    this.clocks = clocks;
    this.changes = changes;
    this.workingDays = workingDays;
    this.limitNames = limitNames;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.identity = engine.getIdentityService();
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    this.transaction = new TransactionTemplate(transaction.getTransactionManager());
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Recomputes every open deadline that ends on or after {@code firstDay}; answers what moved, and the cases or events that
   * could not be recomputed now (logged; {@link CalendarRefresher} tries them again).
   */
  public Recomputed recomputeFrom(LocalDate firstDay, String cause, String user) {
    return AsSystem.call(identity, () -> {
      List<DeadlineMove> moves = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      for (String root : affectedCases(workingDays.startOf(firstDay))) {
        try {
          moves.addAll(recomputeCase(root, cause, user));
        } catch (RuntimeException e) {
          LOG.warn("Could not recompute the deadlines of process instance {} ({}); they are recomputed again later", root, cause, e);
          failed.add(root);
        }
      }
      int removed = clocks.removeEnded();
      LOG.info("Recomputed deadlines from {} ({}): {} moved, {} failed, {} clocks of ended work removed", firstDay, cause, moves.size(),
          failed.size(), removed);
      return new Recomputed(moves, failed);
    });
  }

  /** What a recompute moved, and the process instances it could not recompute now. */
  public record Recomputed(List<DeadlineMove> moved, List<String> failed) {
  }

  /** The root process instances (cases, events, 督办件) with a clock or an open task due on or after {@code from}. */
  private Set<String> affectedCases(Date from) {
    Set<String> instances = new LinkedHashSet<>(clocks.instancesDueFrom(from));
    tasks.createTaskQuery().dueAfter(new Date(from.getTime() - 1)).list().forEach(task -> instances.add(task.getProcessInstanceId()));
    instances.remove(null);
    Set<String> roots = new LinkedHashSet<>();
    List<String> ids = new ArrayList<>(instances);
    for (int start = 0; start < ids.size(); start += BATCH) {
      Set<String> batch = new LinkedHashSet<>(ids.subList(start, Math.min(ids.size(), start + BATCH)));
      runtime.createProcessInstanceQuery().processInstanceIds(batch).list().forEach(instance -> roots.add(rootOf(instance)));
    }
    return roots;
  }

  private List<DeadlineMove> recomputeCase(String root, String cause, String user) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> {
          List<DeadlineMove> moves = recomputeTree(root);
          changes.record(moves, cause, user, ClockUtil.getCurrentTime());
          return moves;
        });
      } catch (OptimisticLockingException | TransientDataAccessException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        LOG.debug("Deadlines of {} changed while being recomputed (attempt {}); recomputing again", root, attempt);
      }
    }
  }

  private List<DeadlineMove> recomputeTree(String rootId) {
    ProcessInstance root = runtime.createProcessInstanceQuery().processInstanceId(rootId).singleResult();
    if (root == null) {
      return List.of();
    }
    String number = root.getBusinessKey() != null ? root.getBusinessKey() : rootId;
    List<String> tree = tree(rootId);
    List<DeadlineMove> moves = new ArrayList<>();
    for (Clocks.Clock clock : clocks.ofInstances(tree)) {
      moveClock(clock, tree, number).ifPresent(moves::add);
    }
    for (Task task : tasks.createTaskQuery().processInstanceIdIn(tree.toArray(String[]::new)).list()) {
      Date due = dueAsModelled(task.getId());
      if (task.getDueDate() != null && due != null && !due.equals(task.getDueDate())) {
        Date old = task.getDueDate();
        task.setDueDate(due);
        tasks.saveTask(task);
        moves.add(new DeadlineMove(number, task.getProcessInstanceId(), DeadlineMove.TASK, task.getName(), task.getId(), old, due));
      }
    }
    for (String instance : tree) {
      for (Job job : management.createJobQuery().timers().processInstanceId(instance).list()) {
        management.recalculateJobDuedate(job.getId(), false);
        Job recalculated = management.createJobQuery().jobId(job.getId()).singleResult();
        if (!Objects.equals(job.getDuedate(), recalculated.getDuedate())) {
          moves.add(new DeadlineMove(number, instance, DeadlineMove.TIMER, timerName(job), null, job.getDuedate(), recalculated.getDuedate()));
        }
      }
    }
    return moves;
  }

  private java.util.Optional<DeadlineMove> moveClock(Clocks.Clock clock, List<String> tree, String number) {
    if (runtime.createExecutionQuery().executionId(clock.executionId()).count() == 0) {
      clocks.ended(clock);
      return java.util.Optional.empty();
    }
    Deadline deadline = clocks.deadlineOf(clock);
    Date due = workingDays.endOf(deadline.deadline());
    if (due.equals(clock.due()) && deadline.provisional() == clock.provisional()) {
      return java.util.Optional.empty();
    }
    clocks.moved(clock, due, deadline.provisional());
    if (due.equals(clock.due())) {
      return java.util.Optional.empty();
    }
    runtime.setVariableLocal(clock.executionId(), clock.variable(), due);
    // the copies a call activity passed to the instances it called (an event's levelDue in its level)
    for (VariableInstance copy : runtime.createVariableInstanceQuery().processInstanceIdIn(tree.toArray(String[]::new))
        .variableName(clock.variable()).list()) {
      if (!copy.getExecutionId().equals(clock.executionId()) && !copy.getProcessInstanceId().equals(clock.processInstanceId())
          && clock.due().equals(copy.getValue())) {
        runtime.setVariableLocal(copy.getExecutionId(), clock.variable(), due);
      }
    }
    return java.util.Optional.of(new DeadlineMove(number, clock.processInstanceId(), DeadlineMove.DEADLINE, limitName(clock), null,
        clock.due(), due));
  }

  /** The task's due date as its model computes it, counted from when the task was created; null if the model sets none. */
  private Date dueAsModelled(String taskId) {
    return commands.execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      return task == null ? null : ClockAdjustments.dueAsModelled(task);
    });
  }

  private List<String> tree(String rootId) {
    List<String> tree = new ArrayList<>(List.of(rootId));
    for (int index = 0; index < tree.size(); index++) {
      runtime.createProcessInstanceQuery().superProcessInstanceId(tree.get(index)).list().forEach(child -> tree.add(child.getId()));
    }
    return tree;
  }

  private String timerName(Job job) {
    return commands.execute(context -> ClockAdjustments.timerName(context, context.getJobManager().findJobById(job.getId())));
  }

  private String limitName(Clocks.Clock clock) {
    return limitNames.of(clock.variable(), clock.unit());
  }

  private static String rootOf(ProcessInstance instance) {
    return instance.getRootProcessInstanceId() != null ? instance.getRootProcessInstanceId() : instance.getId();
  }
}
