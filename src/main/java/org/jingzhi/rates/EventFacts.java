package org.jingzhi.rates;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.jingzhi.cases.CaseHistory;

/**
 * What the rates count, read from the engine history of one event: each stay at a level (an
 * assignment to a unit, whether it was signed for in time, whether it resolved the event and in
 * time), each summons report, and each answered return visit with the stay it judged.
 */
final class EventFacts {

  record Stay(String unit, String unitName, String level, String levelName, boolean respondedInTime, boolean resolved,
              boolean resolvedOnTime, Date endedAt) {
  }

  record Report(String department, boolean inTime) {
  }

  record Visit(Stay judged, boolean answered, boolean resolved, boolean satisfied) {
  }

  final String category;
  final String categoryName;
  final List<Stay> stays = new ArrayList<>();
  final List<Report> reports = new ArrayList<>();
  final List<Visit> visits = new ArrayList<>();
  final Set<String> summonedDepartments = new LinkedHashSet<>();

  EventFacts(HistoryService history, HistoricProcessInstance event, RateSettings settings) {
    Map<String, Object> variables = CaseHistory.variables(history, event.getId());
    category = (String) variables.get(CATEGORY);
    categoryName = (String) variables.get(CATEGORY_NAME);
    Duration responseLimit = Boolean.TRUE.equals(variables.get(URGENT)) ? settings.getResponseLimitUrgent() : settings.getResponseLimit();
    for (HistoricProcessInstance stay : history.createHistoricProcessInstanceQuery().superProcessInstanceId(event.getId())
        .orderByProcessInstanceStartTime().asc().list()) {
      readStay(history, stay, responseLimit);
    }
    readVisits(history, event.getId(), settings);
  }

  private void readStay(HistoryService history, HistoricProcessInstance stay, Duration responseLimit) {
    Map<String, Object> local = CaseHistory.variables(history, stay.getId());
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(stay.getId())
        .orderByHistoricActivityInstanceStartTime().asc().list();
    HistoricTaskInstance first = tasks.stream().filter(task -> HANDLE.equals(task.getTaskDefinitionKey())).findFirst().orElse(null);
    boolean respondedInTime = first != null && respondedWithin(history, first, responseLimit);
    boolean resolved = stay.getDeleteReason() == null && stay.getEndTime() != null && RESOLVE.equals(local.get(ACTION));
    Date due = (Date) local.get(LEVEL_DUE);
    boolean onTime = resolved && due != null && !stay.getEndTime().after(due);
    stays.add(new Stay((String) local.get("unit"), (String) local.get("unitName"), (String) local.get("level"), (String) local.get("levelName"),
        respondedInTime, resolved, onTime, stay.getEndTime()));
    for (HistoricTaskInstance task : tasks) {
      if (REPORT.equals(task.getTaskDefinitionKey())) {
        String department = CaseHistory.candidateGroup(history, task.getId());
        summonedDepartments.add(department);
        boolean reported = "completed".equals(task.getDeleteReason());
        reports.add(new Report(department, reported && (task.getDueDate() == null || !task.getEndTime().after(task.getDueDate()))));
      }
    }
  }

  /** Signed for (claimed), or completed, within the limit after the task was assigned. */
  private static boolean respondedWithin(HistoryService history, HistoricTaskInstance task, Duration limit) {
    Date responded = null;
    for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).type("assignee")
        .operationType("add").orderByTime().asc().list()) {
      responded = link.getTime();
      break;
    }
    if (responded == null && "completed".equals(task.getDeleteReason())) {
      responded = task.getEndTime();
    }
    return responded != null && responded.getTime() - task.getStartTime().getTime() <= limit.toMillis();
  }

  private void readVisits(HistoryService history, String processInstanceId, RateSettings settings) {
    Map<String, Object> satisfaction = CaseHistory.localValues(history, processInstanceId, SATISFACTION);
    Map<String, Object> resolved = CaseHistory.localValues(history, processInstanceId, RESOLVED);
    for (HistoricActivityInstance visit : history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId("returnVisit").finished().orderByHistoricActivityInstanceEndTime().asc().list()) {
      Object answer = satisfaction.get(visit.getId());
      boolean reached = !"unreachable".equals(answer);
      Stay judged = null;
      for (Stay stay : stays) {
        if (stay.resolved() && stay.endedAt() != null && !stay.endedAt().after(visit.getStartTime())) {
          judged = stay;
        }
      }
      visits.add(new Visit(judged, reached || settings.isUnreachableCountsAsAnswered(), reached && "yes".equals(resolved.get(visit.getId())),
          "satisfied".equals(answer) || "basicallySatisfied".equals(answer)));
    }
  }
}
