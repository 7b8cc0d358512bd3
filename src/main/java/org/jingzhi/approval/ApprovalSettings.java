package org.jingzhi.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code jingzhi.approval.*}: limits of the joint approval that are policy, not model. */
@ConfigurationProperties("jingzhi.approval")
public class ApprovalSettings {

  /** Working days the window has for acceptance and its one-time notice (一次性告知). */
  private int acceptanceWorkingDays = 5;

  /** Working days a department's review is extended by, once, with its leadership's approval (行政许可法第四十二条). */
  private int reviewExtensionWorkingDays = 10;

  /** Working days a joint approval's total limit is extended by, once (联合办理：15 日，第四十二条). */
  private int caseExtensionWorkingDays = 15;

  /** How many excluded periods (hearing, testing, …) one department may start in one case. */
  private int excludedPeriodsPerDepartment = 3;

  public int getExcludedPeriodsPerDepartment() {
    return excludedPeriodsPerDepartment;
  }

  public void setExcludedPeriodsPerDepartment(int excludedPeriodsPerDepartment) {
    this.excludedPeriodsPerDepartment = excludedPeriodsPerDepartment;
  }

  public int getReviewExtensionWorkingDays() {
    return reviewExtensionWorkingDays;
  }

  public void setReviewExtensionWorkingDays(int reviewExtensionWorkingDays) {
    this.reviewExtensionWorkingDays = reviewExtensionWorkingDays;
  }

  public int getCaseExtensionWorkingDays() {
    return caseExtensionWorkingDays;
  }

  public void setCaseExtensionWorkingDays(int caseExtensionWorkingDays) {
    this.caseExtensionWorkingDays = caseExtensionWorkingDays;
  }

  /** Working days an applicant has to supplement before the case ends as withdrawn. */
  private int supplementWorkingDays = 20;

  public int getAcceptanceWorkingDays() {
    return acceptanceWorkingDays;
  }

  public void setAcceptanceWorkingDays(int acceptanceWorkingDays) {
    this.acceptanceWorkingDays = acceptanceWorkingDays;
  }

  public int getSupplementWorkingDays() {
    return supplementWorkingDays;
  }

  public void setSupplementWorkingDays(int supplementWorkingDays) {
    this.supplementWorkingDays = supplementWorkingDays;
  }
}
