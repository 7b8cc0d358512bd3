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
