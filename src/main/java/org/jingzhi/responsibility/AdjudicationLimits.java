package org.jingzhi.responsibility;

import java.util.Date;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.deadlines.Clocks;
import org.jingzhi.cases.Texts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The limits and proposals of {@code adjudication.bpmn}: {@code ${adjudicationLimits.openDue()}} and the like. */
@Component("adjudicationLimits")
@EnableConfigurationProperties(AdjudicationSettings.class)
public class AdjudicationLimits {

  private final WorkingDays workingDays;
  private final Clocks clocks;
  private final AdjudicationSettings settings;

  AdjudicationLimits(WorkingDays workingDays, Clocks clocks, AdjudicationSettings settings) {
    this.workingDays = workingDays;
    this.clocks = clocks;
    this.settings = settings;
  }

  public Date openDue() {
    return workingDays.deadline(settings.getOpenWorkingDays());
  }

  /**
   * A statement's limit without a clock: {@code ${adjudicationLimits.statementDue()}} in adjudications started on a model
   * version before statutory clocks.
   */
  public Date statementDue() {
    return workingDays.deadline(settings.getStatementWorkingDays());
  }

  /** Starts a party's clock to state its view ({@code statementDue} of its statement). */
  public Date startStatement(DelegateExecution statement, String party) {
    return clocks.startLocal(statement, "statementDue", settings.getStatementWorkingDays(), party);
  }

  /** Starts the group's clock to rule ({@code rulingDue}). */
  public Date startRuling(DelegateExecution adjudication) {
    return clocks.start(adjudication, AdjudicationProcess.RULING_DUE, settings.getRulingWorkingDays());
  }

  public Date coHandlingDue() {
    return workingDays.deadline(settings.getCoHandlingWorkingDays());
  }

  /** The reminder: the morning of the day the ruling is due. */
  public Date remindAt(Date due) {
    return workingDays.remindAt(due, 1);
  }

  /**
   * The parties the group is offered: the unit that disputes or sent the event back, the units it names, and the
   * owning department of the 权责清单; comma-separated, as the group edits them.
   */
  public String proposedParties(VariableScope event) {
    return Stream.of(AdjudicationProcess.DISPUTING_UNIT, AdjudicationProcess.DISPUTE_UNITS, "ownerDepartment")
        .flatMap(name -> Texts.list(event.getVariable(name)).stream()).distinct().collect(Collectors.joining(","));
  }
}
