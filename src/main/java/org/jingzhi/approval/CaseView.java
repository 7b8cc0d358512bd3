package org.jingzhi.approval;

import java.util.Date;
import java.util.List;
import org.jingzhi.deadlines.ExcludedPeriod;
import org.jingzhi.deadlines.Extension;

/** What staff see of a joint-approval case ({@code GET /api/joint-approvals/{caseNumber}}). */
public record CaseView(String caseNumber, String processInstanceId, String matterType, String matterName, String projectName,
                       Applicant applicant, String status, String statusLabel, Date submittedAt, Date acceptedAt, Date caseDue,
                       boolean caseDueProvisional, boolean caseOverdue, String resultSummary, String supplementRequest, Date supplementDue,
                       List<Department> departments, List<Overdue> overdue, List<Step> timeline, List<Extension> extensions,
                       List<ExcludedPeriod> excludedPeriods) {

  public record Applicant(String name, String idNumber, String creditCode, String phone) {
  }

  /**
   * One department's part: its latest decision, and its open task's due date while it reviews ({@code dueProvisional}: it
   * reaches into a year whose holiday schedule is not loaded yet).
   */
  public record Department(String department, String name, String status, String statusLabel, String decision, String opinion,
                           String missingMaterials, Date dueDate, boolean dueProvisional, boolean overdue, String reviewer, Date decidedAt,
                           Integer round) {
  }

  public record Overdue(String unit, String unitName, String scope, String subject, Date dueAt, Date recordedAt) {
  }

  /** One step of the case from engine history: who did what, when. */
  public record Step(Date at, Date completedAt, String activityId, String step, String actor) {
  }
}
