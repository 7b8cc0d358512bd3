package org.jingzhi.engine;

import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;

/** Where the engine's commands that write a task's variables keep the task and the variables a caller sent. */
@SuppressWarnings("rawtypes")
public final class TaskCommandFields {

  public static final CommandFields<String> COMPLETE_TASK = CommandFields.of(CompleteTaskCmd.class, "taskId", String.class);
  public static final CommandFields<Map> COMPLETE_VARIABLES = CommandFields.of(CompleteTaskCmd.class, "variables", Map.class);
  public static final CommandFields<String> SUBMIT_TASK = CommandFields.of(SubmitTaskFormCmd.class, "taskId", String.class);
  public static final CommandFields<Map> SUBMIT_VARIABLES = CommandFields.of(SubmitTaskFormCmd.class, "properties", Map.class);
  public static final CommandFields<String> SET_TASK = CommandFields.of(SetTaskVariablesCmd.class, "entityId", String.class);
  public static final CommandFields<Map> SET_VARIABLES = CommandFields.of(SetTaskVariablesCmd.class, "variables", Map.class);
  public static final CommandFields<Boolean> SET_LOCAL = CommandFields.of(SetTaskVariablesCmd.class, "isLocal", Boolean.class);
  public static final CommandFields<String> PATCH_TASK = CommandFields.of(PatchTaskVariablesCmd.class, "entityId", String.class);
  public static final CommandFields<Map> PATCH_VARIABLES = CommandFields.of(PatchTaskVariablesCmd.class, "variables", Map.class);
  public static final CommandFields<Boolean> PATCH_LOCAL = CommandFields.of(PatchTaskVariablesCmd.class, "isLocal", Boolean.class);

  private TaskCommandFields() {
  }
}
