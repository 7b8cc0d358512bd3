package org.jingzhi.security;

import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.jingzhi.forms.FormVariables;

/**
 * Variables through a task: a client writes only what the task's form lets it fill in, and reads only
 * what the form shows, unless it may read every variable of the process (supervision, administrators).
 * The engine's own authorization check for the call runs first, so a stranger to the task still gets
 * the engine's 403.
 */
final class TaskVariableRules {

  private TaskVariableRules() {
  }

  /** Checks the write and answers the task's form. */
  static FormVariables checkWrite(CommandContext context, String taskId, Map<String, ?> variables,
                                  BiConsumer<CommandChecker, TaskEntity> engineCheck) {
    TaskEntity task = task(context, taskId, engineCheck);
    FormVariables form = FormVariables.ofTask(context, task);
    form.checkWrite(variables, task::getVariable);
    return form;
  }

  static void checkRemoval(CommandContext context, String taskId, Collection<String> names, BiConsumer<CommandChecker, TaskEntity> engineCheck) {
    if (names == null || names.isEmpty()) {
      return;
    }
    FormVariables.ofTask(context, task(context, taskId, engineCheck)).checkRemoval(names);
  }

  /** What the engine read for the client, cut down to what the task's form shows. */
  static VariableMap readable(CommandContext context, String taskId, VariableMap read) {
    if (read == null || read.isEmpty()) {
      return read;
    }
    FormVariables form = formUnlessReadingAll(context, taskId);
    return form == null ? read : form.shown(read);
  }

  static boolean mayRead(CommandContext context, String taskId, String name) {
    FormVariables form = formUnlessReadingAll(context, taskId);
    return form == null || form.mayRead(name);
  }

  /**
   * Historic variables and their changes are the audit trail of every variable of a case; a unit's
   * grant to read the cases it worked on does not extend to them (it would show other departments'
   * opinions). Supervision and administrators read them; units use the case views of {@code /api}.
   */
  static void checkHistoricVariableRead(CommandContext context) {
    if (!mayReadEveryVariable(context, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE)) {
      throw new AuthorizationException("历史变量仅对效能督查和管理员开放；请通过案件视图（/api）查看本单位经办的案件");
    }
  }

  /** Administrators and supervision: every variable of every process. */
  static boolean mayReadEveryVariable(CommandContext context) {
    return mayReadEveryVariable(context, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
  }

  private static FormVariables formUnlessReadingAll(CommandContext context, String taskId) {
    if (mayReadEveryVariable(context, ProcessDefinitionPermissions.READ_TASK_VARIABLE)) {
      return null;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    return task == null ? null : FormVariables.ofTask(context, task);
  }

  private static boolean mayReadEveryVariable(CommandContext context, ProcessDefinitionPermissions permission) {
    return context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())
        || context.getAuthorizationManager().isAuthorized(permission, Resources.PROCESS_DEFINITION, Authorization.ANY);
  }

  private static TaskEntity task(CommandContext context, String taskId, BiConsumer<CommandChecker, TaskEntity> engineCheck) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      throw new NotFoundException("没有这个任务（" + taskId + "），可能已办结");
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      engineCheck.accept(checker, task);
    }
    return task;
  }
}
