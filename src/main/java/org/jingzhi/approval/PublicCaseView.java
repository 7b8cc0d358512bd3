package org.jingzhi.approval;

import java.util.Date;
import java.util.List;

/**
 * What the applicant sees with the query code ({@code GET /api/public/cases/{caseNumber}}): progress
 * and due dates, no staff identities, personal data masked.
 */
public record PublicCaseView(String caseNumber, String matterName, String projectName, Applicant applicant, String status,
                             String statusLabel, Date submittedAt, String supplementRequest, Date supplementDue, String resultSummary,
                             List<Department> departments, List<Progress> progress, List<Extension> extensions,
                             List<ExcludedTime> excludedTime) {

  public record Applicant(String name, String idNumber, String creditCode, String phone) {
  }

  public record Department(String name, String status, String statusLabel, Date dueDate, boolean dueProvisional) {
  }

  public record Progress(Date at, String step) {
  }

  /** Time not counted in the limits (不计入时限): which department, what for, until when it is expected, when it ended. */
  public record ExcludedTime(String department, String kind, String reason, Date expectedEnd, Date endedAt) {
  }

  /** An approved extension (延期): which limit, by how much, why, and until when. */
  public record Extension(String limit, String length, String reason, Date extendedTo) {
  }
}
