package org.jingzhi.escalation;

import java.util.Date;
import org.jingzhi.calendar.WorkingDays;
import org.springframework.stereotype.Component;

/** When a summoned department must have reported: {@code ${reportLimits.due(urgent)}} in the level model. */
@Component("reportLimits")
public class ReportLimits {

  private final WorkingDays workingDays;
  private final EscalationSettings settings;

  ReportLimits(WorkingDays workingDays, EscalationSettings settings) {
    this.workingDays = workingDays;
    this.settings = settings;
  }

  public Date due(boolean urgent) {
    return urgent ? workingDays.hoursLater(settings.getReportHoursUrgent()) : workingDays.deadline(settings.getReportWorkingDays());
  }

  /** The reminder: one hour before an urgent report is due, else the morning of its due day. */
  public Date remindAt(Date due, boolean urgent) {
    return urgent ? new Date(due.getTime() - 3_600_000L) : workingDays.remindAt(due, 1);
  }

  public Date returnVisitDue() {
    return workingDays.deadline(settings.getReturnVisitWorkingDays());
  }
}
