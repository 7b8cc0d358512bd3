package org.jingzhi.escalation;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.deadlines.Clocks;
import org.springframework.stereotype.Component;

/** When a summoned department must have reported: {@code ${reportLimits.start(execution, urgent, department)}} in the level model. */
@Component("reportLimits")
public class ReportLimits {

  static final String REPORT_DUE = "reportDue";

  private final WorkingDays workingDays;
  private final Clocks clocks;
  private final EscalationSettings settings;

  ReportLimits(WorkingDays workingDays, Clocks clocks, EscalationSettings settings) {
    this.workingDays = workingDays;
    this.clocks = clocks;
    this.settings = settings;
  }

  /**
   * The report's limit without a clock: {@code ${reportLimits.due(urgent)}} in levels started on a model version before
   * statutory clocks (a new holiday schedule does not move them).
   */
  public Date due(boolean urgent) {
    return urgent ? workingDays.hoursLater(settings.getReportHoursUrgent()) : workingDays.deadline(settings.getReportWorkingDays());
  }

  /** Starts the clock of a summoned department's report ({@code reportDue} of its summons). */
  public Date start(DelegateExecution summons, boolean urgent, String department) {
    if (urgent) {
      Date due = workingDays.hoursLater(settings.getReportHoursUrgent());
      summons.setVariableLocal(REPORT_DUE, due);
      return due;
    }
    return clocks.startLocal(summons, REPORT_DUE, settings.getReportWorkingDays(), department);
  }

  /** The reminder: one hour before an urgent report is due, else the morning of its due day. */
  public Date remindAt(Date due, boolean urgent) {
    return urgent ? new Date(due.getTime() - 3_600_000L) : workingDays.remindAt(due, 1);
  }

  public Date returnVisitDue() {
    return workingDays.deadline(settings.getReturnVisitWorkingDays());
  }
}
