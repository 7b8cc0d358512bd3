package org.jingzhi.responsibility;

import static org.jingzhi.responsibility.AdjudicationProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.jingzhi.cases.CaseHistory;
import org.jingzhi.cases.Texts;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.UnitType;
import org.springframework.stereotype.Component;

/**
 * The adjudications an event went through, read from engine history (the caller checks who may read the event). A
 * party reads only its own statement: the group, the overseers and administrators read them all.
 */
@Component
public class AdjudicationHistory {

  private final ProcessEngine engine;
  private final Organization organization;
  private final CurrentUser currentUser;

  AdjudicationHistory(ProcessEngine engine, Organization organization, CurrentUser currentUser) {
    this.engine = engine;
    this.organization = organization;
    this.currentUser = currentUser;
  }

  /** Whose statements the user logged in now may read (ask before switching to the system's rights). */
  public Predicate<String> statementReader() {
    boolean readsAll = currentUser.oversees() || currentUser.readsEverything() || currentUser.worksIn(UnitType.ADJUDICATION);
    Set<String> own = Set.copyOf(currentUser.groupIds());
    return party -> readsAll || own.contains(party);
  }

  /** Read with the system's rights: the caller has checked that its user may read the event. */
  public List<AdjudicationView> of(String eventInstanceId, Predicate<String> mayReadStatementOf) {
    HistoryService history = engine.getHistoryService();
    List<AdjudicationView> views = new ArrayList<>();
    for (HistoricProcessInstance adjudication : history.createHistoricProcessInstanceQuery().superProcessInstanceId(eventInstanceId)
        .processDefinitionKey(KEY).orderByProcessInstanceStartTime().asc().list()) {
      views.add(view(history, adjudication, mayReadStatementOf));
    }
    return views;
  }

  private AdjudicationView view(HistoryService history, HistoricProcessInstance adjudication, Predicate<String> mayReadStatementOf) {
    String id = adjudication.getId();
    Map<String, Object> variables = CaseHistory.variables(history, id);
    Map<String, String> completedBy = CaseHistory.completers(history, id);
    Map<String, Object> statementTexts = CaseHistory.localValues(history, id, STATEMENT_TEXT);
    Map<String, Object> dates = CaseHistory.localValues(history, id, "meetingDate");
    Map<String, Object> participants = CaseHistory.localValues(history, id, "meetingParticipants");
    Map<String, Object> minutes = CaseHistory.localValues(history, id, "meetingMinutes");
    List<AdjudicationView.Statement> statements = new ArrayList<>();
    List<AdjudicationView.Meeting> meetings = new ArrayList<>();
    AdjudicationView.Ruling ruling = null;
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      boolean completed = "completed".equals(task.getDeleteReason());
      switch (task.getTaskDefinitionKey()) {
        case STATEMENT -> {
          String party = CaseHistory.candidateGroup(history, task.getId());
          statements.add(new AdjudicationView.Statement(party, organization.shortName(party), task.getDueDate(),
              completed ? task.getEndTime() : null,
              completed && mayReadStatementOf.test(party) ? Texts.text(statementTexts.get(task.getActivityInstanceId())) : null,
              !completed && task.getEndTime() != null));
        }
        case JOINT_MEETING -> {
          if (completed) {
            String activity = task.getActivityInstanceId();
            meetings.add(new AdjudicationView.Meeting(Texts.text(dates.get(activity)), Texts.text(participants.get(activity)),
                Texts.text(minutes.get(activity)), task.getEndTime(), completedBy.get(task.getId())));
          }
        }
        case RULE -> {
          if (completed && RULE_NOW.equals(variables.get(RULING_CHOICE)) && variables.get(OWNER_UNIT) != null) {
            ruling = new AdjudicationView.Ruling((String) variables.get(OWNER_UNIT), (String) variables.get(OWNER_UNIT_NAME),
                Texts.list(variables.get(CO_HANDLER_UNITS)), (String) variables.get(RULING_REASON), task.getEndTime(),
                completedBy.get(task.getId()), (String) variables.get(PRECEDENT_NUMBER));
          }
        }
        default -> {
        }
      }
    }
    String raisedBy = (String) variables.get(DISPUTING_UNIT);
    return new AdjudicationView(adjudication.getStartTime(), adjudication.getEndTime(), raisedBy, (String) variables.get("currentUnitName"),
        (String) variables.get(DISPUTE_REASON), statements, meetings, ruling);
  }
}
