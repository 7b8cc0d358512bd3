package org.jingzhi.security;

import static org.jingzhi.engine.TaskCommandFields.*;

import java.io.InputStream;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.*;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.jingzhi.engine.CommandFields;
import org.jingzhi.forms.FormVariables;

/**
 * The engine authorizes who may call a command, not what the call carries: whoever may complete a
 * task may set any variable of the case, start a process anywhere under any business key, comment
 * anywhere. This guard adds the missing half for every call a client makes through the engine REST
 * API or the webapps (the outermost command of a logged-in user that our own code did not issue):
 * task variables follow the task's form ({@link TaskVariableRules}), starts follow the start form
 * ({@link StartRules}), notes follow the right to work a task ({@link TaskNoteRules}), repairs
 * of running cases (modification, restart, migration) are for administrators, and nobody clears a
 * job's due date.
 *
 * <p>It is two interceptors: {@link #outer()} before the command context opens recognises the
 * client's command and classifies its failure; {@link #inner()} inside the transaction checks it.
 */
public class ClientCommandGuard {

  private static final List<Class<?>> ADMINISTRATOR_ONLY = List.of(StartProcessInstanceAtActivitiesCmd.class,
      AbstractModificationCmd.class, ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class,
      AbstractRestartProcessInstanceCmd.class, RestartProcessInstancesBatchCmd.class, AbstractMigrationCmd.class,
      CreateMigrationPlanCmd.class, SetVariablesToProcessInstancesBatchCmd.class, HandleTaskBpmnErrorCmd.class,
      HandleTaskEscalationCmd.class, ResolveTaskCmd.class, UpdateCommentCmd.class, DeleteTaskCommentCmd.class,
      DeleteProcessInstanceCommentCmd.class, SaveAttachmentCmd.class, DeleteAttachmentCmd.class);

  /** What only those who read every variable see: a whole case's notes across units, and the stack traces of failures. */
  private static final List<Class<?>> SUPERVISION_ONLY = List.of(GetProcessInstanceCommentsCmd.class,
      GetProcessInstanceAttachmentsCmd.class, GetAttachmentCmd.class, GetAttachmentContentCmd.class, GetJobExceptionStacktraceCmd.class,
      GetHistoricJobLogExceptionStacktraceCmd.class, GetExternalTaskErrorDetailsCmd.class, GetHistoricExternalTaskLogErrorDetailsCmd.class);

  /** Notes read through one task, by the command's field that names the task. */
  private static final Map<Class<?>, CommandFields<String>> TASK_NOTE_READS = Map.of(
      GetTaskCommentsCmd.class, CommandFields.of(GetTaskCommentsCmd.class, "taskId", String.class),
      GetTaskCommentCmd.class, CommandFields.of(GetTaskCommentCmd.class, "taskId", String.class),
      GetTaskAttachmentsCmd.class, CommandFields.of(GetTaskAttachmentsCmd.class, "taskId", String.class),
      GetTaskAttachmentCmd.class, CommandFields.of(GetTaskAttachmentCmd.class, "taskId", String.class),
      GetTaskAttachmentContentCmd.class, CommandFields.of(GetTaskAttachmentContentCmd.class, "taskId", String.class),
      GetTaskEventsCmd.class, CommandFields.of(GetTaskEventsCmd.class, "taskId", String.class));

  private static final CommandFields<Boolean> COMPLETE_RETURNS = CommandFields.of(CompleteTaskCmd.class, "returnVariables", Boolean.class);
  private static final CommandFields<Boolean> SUBMIT_RETURNS = CommandFields.of(SubmitTaskFormCmd.class, "returnVariables", Boolean.class);
  private static final CommandFields<Collection> PATCH_DELETIONS = CommandFields.of(PatchTaskVariablesCmd.class, "deletions", Collection.class);
  private static final CommandFields<String> REMOVE_TASK = CommandFields.of(RemoveTaskVariablesCmd.class, "entityId", String.class);
  private static final CommandFields<Collection> REMOVE_NAMES = CommandFields.of(RemoveTaskVariablesCmd.class, "variableNames", Collection.class);
  private static final CommandFields<String> READ_TASK = CommandFields.of(GetTaskVariablesCmd.class, "taskId", String.class);
  private static final CommandFields<String> READ_ONE_TASK = CommandFields.of(GetTaskVariableCmd.class, "taskId", String.class);
  private static final CommandFields<String> READ_ONE_NAME = CommandFields.of(GetTaskVariableCmd.class, "variableName", String.class);
  private static final CommandFields<String> READ_TYPED_TASK = CommandFields.of(GetTaskVariableCmdTyped.class, "taskId", String.class);
  private static final CommandFields<String> READ_TYPED_NAME = CommandFields.of(GetTaskVariableCmdTyped.class, "variableName", String.class);
  private static final CommandFields<String> START_FORM_BUSINESS_KEY = CommandFields.of(SubmitStartFormCmd.class, "businessKey", String.class);
  private static final CommandFields<String> START_FORM_DEFINITION = CommandFields.of(SubmitStartFormCmd.class, "processDefinitionId", String.class);
  private static final CommandFields<Map> START_FORM_VARIABLES = CommandFields.of(SubmitStartFormCmd.class, "variables", Map.class);
  private static final CommandFields<ProcessInstantiationBuilderImpl> START =
      CommandFields.of(StartProcessInstanceCmd.class, "instantiationBuilder", ProcessInstantiationBuilderImpl.class);
  private static final CommandFields<Object> FILTER_EXTENSION = CommandFields.of(AbstractExecuteFilterCmd.class, "extendingQuery", Object.class);
  private static final CommandFields<String> COMMENT_TASK = CommandFields.of(AddCommentCmd.class, "taskId", String.class);
  private static final CommandFields<String> COMMENT_MESSAGE = CommandFields.of(AddCommentCmd.class, "message", String.class);
  private static final CommandFields<String> ATTACHMENT_TASK = CommandFields.of(CreateAttachmentCmd.class, "taskId", String.class);
  private static final CommandFields<String> ATTACHMENT_NAME = CommandFields.of(CreateAttachmentCmd.class, "attachmentName", String.class);
  private static final CommandFields<String> ATTACHMENT_DESCRIPTION =
      CommandFields.of(CreateAttachmentCmd.class, "attachmentDescription", String.class);
  private static final CommandFields<String> ATTACHMENT_URL = CommandFields.of(CreateAttachmentCmd.class, "url", String.class);
  private static final CommandFields<InputStream> ATTACHMENT_CONTENT = CommandFields.of(CreateAttachmentCmd.class, "content", InputStream.class);
  private static final CommandFields<Date> JOB_DUE_DATE = CommandFields.of(SetJobDuedateCmd.class, "newDuedate", Date.class);

  private final ProcessEngineConfigurationImpl configuration;
  private final ThreadLocal<Command<?>> clientCommand = new ThreadLocal<>();

  public ClientCommandGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /** A pre-command interceptor: before the command context (and its transaction) exists. */
  public CommandInterceptor outer() {
    return new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null || PlatformCall.active() || !clientLoggedIn()) {
          return next.execute(command);
        }
        clientCommand.set(command);
        ClientRefusal.clear();
        try {
          return next.execute(command);
        } catch (RuntimeException e) {
          throw classified(e);
        } finally {
          clientCommand.remove();
        }
      }
    };
  }

  /** A post-command interceptor: inside the command context, so checks and command share one transaction. */
  public CommandInterceptor inner() {
    return new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (command != clientCommand.get()) {
          return next.execute(command);
        }
        CommandContext context = Context.getCommandContext();
        FormVariables completedForm = before(command, context);
        return after(command, next.execute(command), context, completedForm);
      }
    };
  }

  private boolean clientLoggedIn() {
    Authentication user = configuration.getIdentityService().getCurrentAuthentication();
    return user != null && user.getUserId() != null;
  }

  /**
   * Checks the command before it runs. For a completion that returns the case's variables, answers
   * what the task's form shows, which {@link #after} keeps of them: the task is gone by then.
   */
  private FormVariables before(Command<?> command, CommandContext context) {
    if (command instanceof SetJobDuedateCmd && JOB_DUE_DATE.get(command) == null) {
      // the job executor takes only jobs with a due date (application.yaml): a cleared one would never run
      throw new BadUserRequestException("作业的到期时间不能清空，要立即执行请填当前时间（a job's due date cannot be cleared: give the time it should run）");
    }
    boolean administrator = context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication());
    if (!administrator && ADMINISTRATOR_ONLY.stream().anyMatch(type -> type.isInstance(command))) {
      throw new AuthorizationException("此操作（" + command.getClass().getSimpleName().replace("Cmd", "") + "）仅限管理员：修改、重启、迁移流程实例，改删意见和附件，任务抛出错误，委托办结");
    }
    if (SUPERVISION_ONLY.contains(command.getClass()) && !TaskVariableRules.mayReadEveryVariable(context)) {
      throw new AuthorizationException("整个案件的意见和附件、故障堆栈仅对效能督查和管理员开放");
    }
    if (TASK_NOTE_READS.containsKey(command.getClass()) && !TaskVariableRules.mayReadEveryVariable(context)) {
      TaskNoteRules.checkRead(context, TASK_NOTE_READS.get(command.getClass()).get(command));
    } else if (command instanceof CompleteTaskCmd) {
      FormVariables form = TaskVariableRules.checkWrite(context, COMPLETE_TASK.get(command), COMPLETE_VARIABLES.get(command),
          CommandChecker::checkTaskWork);
      return COMPLETE_RETURNS.get(command) ? form : null;
    } else if (command instanceof SubmitTaskFormCmd) {
      FormVariables form = TaskVariableRules.checkWrite(context, SUBMIT_TASK.get(command), SUBMIT_VARIABLES.get(command),
          CommandChecker::checkTaskWork);
      return SUBMIT_RETURNS.get(command) ? form : null;
    } else if (command instanceof SetTaskVariablesCmd) {
      TaskVariableRules.checkWrite(context, SET_TASK.get(command), SET_VARIABLES.get(command), CommandChecker::checkUpdateTaskVariable);
    } else if (command instanceof PatchTaskVariablesCmd) {
      TaskVariableRules.checkWrite(context, PATCH_TASK.get(command), PATCH_VARIABLES.get(command), CommandChecker::checkUpdateTaskVariable);
      TaskVariableRules.checkRemoval(context, PATCH_TASK.get(command), PATCH_DELETIONS.get(command), CommandChecker::checkUpdateTaskVariable);
    } else if (command instanceof RemoveTaskVariablesCmd) {
      TaskVariableRules.checkRemoval(context, REMOVE_TASK.get(command), REMOVE_NAMES.get(command), CommandChecker::checkUpdateTaskVariable);
    } else if (command instanceof HistoricVariableInstanceQueryImpl || command instanceof HistoricDetailQueryImpl) {
      TaskVariableRules.checkHistoricVariableRead(context);
    } else if (VariableFilterRules.applies(command)) {
      VariableFilterRules.check(command, () -> TaskVariableRules.mayReadEveryVariable(context));
    } else if (command instanceof AbstractExecuteFilterCmd filter && FILTER_EXTENSION.get(filter) instanceof TaskQueryImpl extension) {
      VariableFilterRules.check(extension, () -> TaskVariableRules.mayReadEveryVariable(context));
    } else if (!administrator) {
      checkStartOrNote(command, context);
    }
    return null;
  }

  private void checkStartOrNote(Command<?> command, CommandContext context) {
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl start = START.get(command);
      StartRules.check(context, definition(context, start.getProcessDefinitionId(), start.getProcessDefinitionKey()), start.getBusinessKey(),
          start.getCaseInstanceId(), start.getVariables());
    } else if (command instanceof SubmitStartFormCmd) {
      StartRules.check(context, definition(context, START_FORM_DEFINITION.get(command), null), START_FORM_BUSINESS_KEY.get(command), null,
          START_FORM_VARIABLES.get(command));
    } else if (command instanceof AddCommentCmd) {
      TaskNoteRules.checkComment(context, COMMENT_TASK.get(command), COMMENT_MESSAGE.get(command));
    } else if (command instanceof CreateAttachmentCmd) {
      ATTACHMENT_CONTENT.set(command, TaskNoteRules.checkAttachment(context, ATTACHMENT_TASK.get(command), ATTACHMENT_NAME.get(command),
          ATTACHMENT_DESCRIPTION.get(command), ATTACHMENT_URL.get(command), ATTACHMENT_CONTENT.get(command)));
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T after(Command<T> command, T result, CommandContext context, FormVariables completedForm) {
    if (completedForm != null && result instanceof VariableMap returned && !TaskVariableRules.mayReadEveryVariable(context)) {
      return (T) completedForm.shown(returned);
    }
    if (command instanceof GetTaskVariablesCmd || command instanceof GetTaskFormVariablesCmd) {
      String taskId = command instanceof GetTaskVariablesCmd ? READ_TASK.get(command) : ((GetTaskFormVariablesCmd) command).resourceId;
      return (T) TaskVariableRules.readable(context, taskId, (VariableMap) result);
    }
    if (command instanceof GetTaskVariableCmd) {
      return TaskVariableRules.mayRead(context, READ_ONE_TASK.get(command), READ_ONE_NAME.get(command)) ? result : null;
    }
    if (command instanceof GetTaskVariableCmdTyped) {
      return TaskVariableRules.mayRead(context, READ_TYPED_TASK.get(command), READ_TYPED_NAME.get(command)) ? result : null;
    }
    return result;
  }

  private static ProcessDefinitionEntity definition(CommandContext context, String id, String key) {
    var cache = context.getProcessEngineConfiguration().getDeploymentCache();
    if (id != null) {
      return cache.findDeployedProcessDefinitionById(id);
    }
    return key == null ? null : cache.findDeployedLatestProcessDefinitionByKey(key);
  }

  /**
   * What the client's failed call was: a refusal of its input (recorded for {@link EngineApiShield},
   * since the REST layer answers some of those with 500), or a fault. A database that rejects a value
   * the client sent (SQL state class 22, data exception: a pattern ending in an escape, a NUL byte, a
   * date out of range) is a refusal too, and the answer does not show the SQL.
   */
  private static RuntimeException classified(RuntimeException failure) {
    if (failure instanceof AuthorizationException) {
      ClientRefusal.record(403, failure.getMessage());
      return failure;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof NotFoundException notFound) {
        ClientRefusal.record(404, notFound.getMessage());
        return failure;
      }
      if (cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException || cause instanceof NullValueException) {
        ClientRefusal.record(400, cause.getMessage());
        return failure;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
        String message = "请求中的取值超出了允许的范围或格式（如日期、数字、转义字符或空字符），未作任何修改";
        ClientRefusal.record(400, message);
        return new BadUserRequestException(message);
      }
    }
    return failure;
  }
}
