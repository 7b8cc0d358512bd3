package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.cases.CaseHistory;
import org.jingzhi.engine.AsSystem;
import org.jingzhi.organization.Organization;
import org.jingzhi.responsibility.AdjudicationHistory;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.deadlines.Extensions;
import org.jingzhi.supervision.OverdueRecord;
import org.jingzhi.supervision.OverdueRecords;
import org.jingzhi.web.NotFoundException;
import org.springframework.stereotype.Service;

/** The staff view of an event, read from engine history: levels, summons, misses, return visits. */
@Service
public class EventViews {

  private final ProcessEngine engine;
  private final OverdueRecords overdueRecords;
  private final Organization organization;
  private final AdjudicationHistory adjudications;
  private final WorkingDays workingDays;
  private final Extensions extensions;

  public EventViews(ProcessEngine engine, OverdueRecords overdueRecords, Organization organization, AdjudicationHistory adjudications,
                    WorkingDays workingDays, Extensions extensions) {
    this.workingDays = workingDays;
    this.extensions = extensions;
    this.engine = engine;
    this.overdueRecords = overdueRecords;
    this.organization = organization;
    this.adjudications = adjudications;
  }

  /** For users who handled the event or supervise: the engine decides with the caller's authorizations. */
  public EventView view(String eventNumber) {
    HistoricProcessInstance event = CaseHistory.byNumber(engine.getHistoryService(), KEY, eventNumber);
    if (event == null) {
      throw new NotFoundException("没有编号为 " + eventNumber + " 的事件，或您无权查看");
    }
    Predicate<String> statementReader = adjudications.statementReader();
    return AsSystem.call(engine.getIdentityService(), () -> read(event, eventNumber, statementReader));
  }

  private EventView read(HistoricProcessInstance event, String eventNumber, Predicate<String> statementReader) {
    HistoryService history = engine.getHistoryService();
    boolean running = event.getEndTime() == null;
    Map<String, Object> variables = CaseHistory.variables(history, event.getId());
    List<OverdueRecord> misses = overdueRecords.ofCase(eventNumber);
    List<HistoricProcessInstance> stays = history.createHistoricProcessInstanceQuery().superProcessInstanceId(event.getId())
        .processDefinitionKey(LEVEL_KEY).orderByProcessInstanceStartTime().asc().list();

    List<EventView.LevelHandling> levels = new ArrayList<>();
    List<EventView.Summons> summons = new ArrayList<>();
    for (HistoricProcessInstance stay : stays) {
      Map<String, Object> local = CaseHistory.variables(history, stay.getId());
      List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(stay.getId())
          .orderByHistoricActivityInstanceStartTime().asc().list();
      Map<String, String> completedBy = CaseHistory.completers(history, stay.getId());
      String handler = null;
      for (HistoricTaskInstance task : tasks) {
        if (HANDLE.equals(task.getTaskDefinitionKey()) && task.getEndTime() != null && task.getDeleteReason() != null
            && task.getDeleteReason().equals("completed")) {
          handler = actor(task, completedBy);
        }
      }
      Date levelDue = (Date) local.get(LEVEL_DUE);
      boolean missed = misses.stream().anyMatch(miss -> !"summon".equals(miss.level()) && miss.unit().equals(local.get(UNIT))
          && levelDue != null && levelDue.equals(miss.dueAt()));
      boolean interrupted = stay.getEndTime() != null && stay.getDeleteReason() != null;
      String action = interrupted ? null : (String) local.get(ACTION);
      levels.add(new EventView.LevelHandling((String) local.get(LEVEL), (String) local.get(LEVEL_NAME), (String) local.get(UNIT),
          (String) local.get(UNIT_NAME), stay.getStartTime(), stay.getEndTime(), levelDue, handler, action,
          EventStatus.actionLabel(action), interrupted ? null : (String) local.get(NOTE), missed,
          interrupted ? (missed ? "超过本级处置时限，已上报上一级" : stay.getDeleteReason()) : null));
      summons.addAll(summonsOf(history, stay, tasks, completedBy, handler));
    }

    List<String> active = running ? engine.getRuntimeService().getActiveActivityIds(event.getId()) : List.of();
    boolean reportsOpen = summons.stream().anyMatch(summon -> summon.reportedAt() == null)
        && levels.stream().anyMatch(level -> level.endedAt() == null);
    EventStatus status = EventStatus.of(running, active, reportsOpen);
    Date due = running ? (Date) variables.get(LEVEL_DUE) : null;
    String community = (String) variables.get(COMMUNITY_CODE);
    return new EventView(eventNumber, event.getId(), (String) variables.get(CATEGORY), (String) variables.get(CATEGORY_NAME),
        (String) variables.get(DESCRIPTION), community, organization.displayName(community), (String) variables.get(ADDRESS),
        Boolean.TRUE.equals(variables.get(URGENT)), (String) variables.get(CHANNEL), event.getStartTime(), status.name(), status.label,
        running ? (String) variables.get(CURRENT_LEVEL) : null, running ? (String) variables.get(CURRENT_LEVEL_NAME) : null,
        running ? (String) variables.get(CURRENT_UNIT) : null, running ? (String) variables.get(CURRENT_UNIT_NAME) : null,
        due, workingDays.provisional(due), due != null && due.before(ClockUtil.getCurrentTime()), number(variables.get(SEND_BACK_COUNT)),
        number(variables.get(UNSATISFIED_COUNT)), ownership(variables), levels, summons, adjudications.of(event.getId(), statementReader),
        misses.stream().map(miss -> new EventView.Miss(miss.unit(), organization.displayName(miss.unit()), miss.level(), miss.subject(),
            miss.dueAt(), miss.recordedAt())).toList(),
        returnVisits(history, event.getId()), extensions.ofCase(eventNumber));
  }

  private static EventView.Ownership ownership(Map<String, Object> variables) {
    if (variables.get(RULED_OWNER) instanceof String ruled) {
      return new EventView.Ownership(ruled, (String) variables.get("ownerUnitName"), "裁定");
    }
    if (variables.get(PRECEDENT_NUMBER) instanceof String precedent) {
      return new EventView.Ownership((String) variables.get(PRECEDENT_OWNER), (String) variables.get(PRECEDENT_OWNER_NAME),
          "依据裁定案例 " + precedent);
    }
    String department = (String) variables.get(OWNER_DEPARTMENT);
    return department == null ? null : new EventView.Ownership(department, (String) variables.get(OWNER_DEPARTMENT_NAME), "权责清单");
  }

  private List<EventView.Summons> summonsOf(HistoryService history, HistoricProcessInstance stay, List<HistoricTaskInstance> tasks,
                                            Map<String, String> completedBy, String handler) {
    Map<String, Object> notes = CaseHistory.localValues(history, stay.getId(), "reportNote");
    List<EventView.Summons> summons = new ArrayList<>();
    for (HistoricTaskInstance task : tasks) {
      if (!REPORT.equals(task.getTaskDefinitionKey())) {
        continue;
      }
      String department = CaseHistory.candidateGroup(history, task.getId());
      boolean reported = "completed".equals(task.getDeleteReason());
      Date reportedAt = reported ? task.getEndTime() : null;
      boolean late = task.getDueDate() != null && (reportedAt != null ? reportedAt.after(task.getDueDate())
          : task.getEndTime() == null && task.getDueDate().before(ClockUtil.getCurrentTime()));
      summons.add(new EventView.Summons(department, organization.shortName(department), handler, task.getStartTime(), task.getDueDate(),
          reportedAt, reported ? actor(task, completedBy) : null, late, (String) notes.get(task.getActivityInstanceId())));
    }
    return summons;
  }

  private List<EventView.ReturnVisit> returnVisits(HistoryService history, String processInstanceId) {
    Map<String, Object> satisfaction = CaseHistory.localValues(history, processInstanceId, SATISFACTION);
    Map<String, Object> resolved = CaseHistory.localValues(history, processInstanceId, RESOLVED);
    Map<String, Object> notes = CaseHistory.localValues(history, processInstanceId, "visitNote");
    Map<String, String> completedBy = CaseHistory.completers(history, processInstanceId);
    List<EventView.ReturnVisit> visits = new ArrayList<>();
    for (HistoricActivityInstance visit : history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId(RETURN_VISIT).finished().orderByHistoricActivityInstanceEndTime().asc().list()) {
      String by = visit.getAssignee() != null ? visit.getAssignee() : completedBy.get(visit.getTaskId());
      visits.add(new EventView.ReturnVisit(visit.getEndTime(), by, (String) satisfaction.get(visit.getId()),
          (String) resolved.get(visit.getId()), (String) notes.get(visit.getId())));
    }
    visits.sort(Comparator.comparing(EventView.ReturnVisit::at));
    return visits;
  }

  private static String actor(HistoricTaskInstance task, Map<String, String> completedBy) {
    return task.getAssignee() != null ? task.getAssignee() : completedBy.get(task.getId());
  }

  private static int number(Object value) {
    return value == null ? 0 : ((Number) value).intValue();
  }
}
