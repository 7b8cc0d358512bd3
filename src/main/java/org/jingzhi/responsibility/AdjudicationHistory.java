package org.jingzhi.responsibility;

import static org.jingzhi.responsibility.AdjudicationProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.jingzhi.cases.CaseHistory;
import org.jingzhi.cases.Texts;
import org.jingzhi.organization.Organization;
import org.springframework.stereotype.Component;

/** The adjudications an event went through, read from engine history (the caller checks who may read the event). */
@Component
public class AdjudicationHistory {

  private final ProcessEngine engine;
  private final Organization organization;

  AdjudicationHistory(ProcessEngine engine, Organization organization) {
    this.engine = engine;
    this.organization = organization;
  }

  public List<AdjudicationView> of(String eventInstanceId) {
    HistoryService history = engine.getHistoryService();
    List<AdjudicationView> views = new ArrayList<>();
    for (HistoricProcessInstance adjudication : history.createHistoricProcessInstanceQuery().superProcessInstanceId(eventInstanceId)
        .processDefinitionKey(KEY).orderByProcessInstanceStartTime().asc().list()) {
      views.add(view(history, adjudication));
    }
    return views;
  }

  private AdjudicationView view(HistoryService history, HistoricProcessInstance adjudication) {
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
              completed ? task.getEndTime() : null, completed ? Texts.text(statementTexts.get(task.getActivityInstanceId())) : null,
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
