package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.cases.CaseHistory;

/**
 * Everything the views need about one case, read from the engine in one go: its variables, where
 * it stands, the departments' open review tasks, and its history. Load it only for a caller who
 * may see the case; it reads without authorization checks.
 */
class CaseRecord {

  private static final Set<String> TIMELINE_TYPES = Set.of("userTask", "serviceTask", "businessRuleTask", "intermediateMessageCatch",
      "intermediateTimer", "boundaryTimer", "noneEndEvent", "startEvent");

  final HistoricProcessInstance instance;
  final Map<String, Object> variables;
  final List<String> activeActivities;
  final Map<String, Task> openReviews = new LinkedHashMap<>();
  final List<CaseView.Step> timeline = new ArrayList<>();

  CaseRecord(ProcessEngine engine, HistoricProcessInstance instance) {
    this.instance = instance;
    String id = instance.getId();
    boolean running = instance.getEndTime() == null;
    this.variables = running ? engine.getRuntimeService().getVariables(id) : CaseHistory.variables(engine.getHistoryService(), id);
    this.activeActivities = running ? engine.getRuntimeService().getActiveActivityIds(id) : List.of();
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey(REVIEW).list()) {
      openReviews.put((String) engine.getTaskService().getVariable(task.getId(), "department"), task);
    }
    readTimeline(engine.getHistoryService(), id);
  }

  boolean running() {
    return instance.getEndTime() == null;
  }

  CaseStatus status() {
    return running() ? CaseStatus.ofRunning(activeActivities) : CaseStatus.ofEnded(instance.getEndActivityId());
  }

  String text(String name) {
    return (String) variables.get(name);
  }

  Date date(String name) {
    return (Date) variables.get(name);
  }

  @SuppressWarnings("unchecked")
  List<String> departments() {
    Object departments = variables.get(DEPARTMENTS);
    return departments == null ? List.of() : (List<String>) departments;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> reviewOf(String department) {
    return (Map<String, Object>) variables.get(JointApprovalProcess.reviewOf(department));
  }

  private void readTimeline(HistoryService history, String processInstanceId) {
    Map<String, HistoricTaskInstance> tasks = new HashMap<>();
    history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list().forEach(task -> tasks.put(task.getId(), task));
    Map<String, String> completedBy = CaseHistory.completers(history, processInstanceId);
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    for (HistoricActivityInstance activity : activities) {
      boolean topLevel = processInstanceId.equals(activity.getParentActivityInstanceId());
      if (!TIMELINE_TYPES.contains(activity.getActivityType())
          || (activity.getActivityType().endsWith("EndEvent") || activity.getActivityType().equals("startEvent")) && !topLevel) {
        continue;
      }
      HistoricTaskInstance task = activity.getTaskId() == null ? null : tasks.get(activity.getTaskId());
      String step = task != null ? task.getName() : activity.getActivityName();
      String actor = task == null ? null : task.getAssignee() != null ? task.getAssignee() : completedBy.get(task.getId());
      if (activity.getActivityType().equals("startEvent")) {
        actor = instance.getStartUserId();
      }
      timeline.add(new CaseView.Step(activity.getStartTime(), activity.getEndTime(), activity.getActivityId(), step, actor));
    }
  }
}
