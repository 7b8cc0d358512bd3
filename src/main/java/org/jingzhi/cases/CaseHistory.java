package org.jingzhi.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Reading a case back from engine history: its variables, who completed its tasks, who they were for. */
public final class CaseHistory {

  private CaseHistory() {
  }

  /**
   * The case registered under a number: the first instance started with it as business key. The
   * process issues each number once; should an administrator still have started another instance
   * under the same key, the original answers. Null when the caller may see none.
   */
  public static HistoricProcessInstance byNumber(HistoryService history, String processKey, String number) {
    List<HistoricProcessInstance> first = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(number).orderByProcessInstanceStartTime().asc().listPage(0, 1);
    return first.isEmpty() ? null : first.get(0);
  }

  /**
   * The running process instance of the case or event under a number: the first one started with it that has not ended —
   * the case registered under it while it runs (an administrator's later instance under the same number is never taken
   * for it), or the administrator's restart that continues it once it has ended. Null when none runs.
   */
  public static ProcessInstance running(HistoryService history, RuntimeService runtime, String processKey, String number) {
    List<HistoricProcessInstance> first = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(number).unfinished().orderByProcessInstanceStartTime().asc().listPage(0, 1);
    return first.isEmpty() ? null : runtime.createProcessInstanceQuery().processInstanceId(first.get(0).getId()).singleResult();
  }

  /** The latest values of a process instance's own variables (not those local to its activities). */
  public static Map<String, Object> variables(HistoryService history, String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()) {
      if (processInstanceId.equals(variable.getActivityInstanceId())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  /** The values an activity-local variable had, by the activity instance that held it. */
  public static Map<String, Object> localValues(HistoryService history, String processInstanceId, String name) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).list()) {
      values.put(variable.getActivityInstanceId(), variable.getValue());
    }
    return values;
  }

  /** Who completed each task of a process instance (from the user operation log), by task id. */
  public static Map<String, String> completers(HistoryService history, String processInstanceId) {
    Map<String, String> completedBy = new HashMap<>();
    for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(processInstanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
      completedBy.putIfAbsent(entry.getTaskId(), entry.getUserId());
    }
    return completedBy;
  }

  /** The group a task was offered to. */
  public static String candidateGroup(HistoryService history, String taskId) {
    return history.createHistoricIdentityLinkLogQuery().taskId(taskId).type("candidate").list().stream()
        .map(HistoricIdentityLinkLog::getGroupId).filter(group -> group != null).findFirst().orElse(null);
  }
}
