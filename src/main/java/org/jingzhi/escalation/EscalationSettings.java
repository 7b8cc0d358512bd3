package org.jingzhi.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code jingzhi.escalation.*}: limits of the chain that are policy, not model. */
@ConfigurationProperties("jingzhi.escalation")
public class EscalationSettings {

  /** Hours a summoned department has to report on site for an urgent event. */
  private int reportHoursUrgent = 2;

  /** Working days a summoned department has to report otherwise. */
  private int reportWorkingDays = 1;

  /** Working days the hotline has for a return visit. */
  private int returnVisitWorkingDays = 2;

  /** The longest extension a unit may ask for at one level: working days, or clock hours for an urgent event (12345 local rules). */
  private int extensionMaxWorkingDays = 10;
  private int extensionMaxHoursUrgent = 24;

  public int getExtensionMaxWorkingDays() {
    return extensionMaxWorkingDays;
  }

  public void setExtensionMaxWorkingDays(int extensionMaxWorkingDays) {
    this.extensionMaxWorkingDays = extensionMaxWorkingDays;
  }

  public int getExtensionMaxHoursUrgent() {
    return extensionMaxHoursUrgent;
  }

  public void setExtensionMaxHoursUrgent(int extensionMaxHoursUrgent) {
    this.extensionMaxHoursUrgent = extensionMaxHoursUrgent;
  }

  public int getReportHoursUrgent() {
    return reportHoursUrgent;
  }

  public void setReportHoursUrgent(int reportHoursUrgent) {
    this.reportHoursUrgent = reportHoursUrgent;
  }

  public int getReportWorkingDays() {
    return reportWorkingDays;
  }

  public void setReportWorkingDays(int reportWorkingDays) {
    this.reportWorkingDays = reportWorkingDays;
  }

  public int getReturnVisitWorkingDays() {
    return returnVisitWorkingDays;
  }

  public void setReturnVisitWorkingDays(int returnVisitWorkingDays) {
    this.returnVisitWorkingDays = returnVisitWorkingDays;
  }
}
