package org.jingzhi.approval;

/** Names the model {@code processes/joint-approval.bpmn} and its clients share. */
public final class JointApprovalProcess {

  public static final String KEY = "joint-approval";
  public static final String SUPPLEMENT_MESSAGE = "SupplementReceived";

  // activities whose state the views report
  public static final String WINDOW_ACCEPTANCE = "windowAcceptance";
  public static final String REVIEW = "review";
  public static final String ISSUE_RESULT = "issueResult";
  public static final String WINDOW_SUPPLEMENT_WAIT = "windowSupplementWait";
  public static final String REVIEW_SUPPLEMENT_WAIT = "reviewSupplementWait";
  public static final String END_APPROVED = "endApproved";
  public static final String END_REJECTED = "endRejected";
  public static final String END_NOT_ACCEPTED = "endNotAccepted";
  public static final String END_WITHDRAWN_AT_WINDOW = "endWithdrawnAtWindow";
  public static final String END_WITHDRAWN_IN_REVIEW = "endWithdrawnInReview";

  // variables (domain.md section 5)
  public static final String CASE_NUMBER = "caseNumber";
  public static final String QUERY_CODE = "queryCode";
  public static final String MATTER_TYPE = "matterType";
  public static final String MATTER_NAME = "matterName";
  public static final String PROJECT_NAME = "projectName";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String APPLICANT_ID_NUMBER = "applicantIdNumber";
  public static final String APPLICANT_CREDIT_CODE = "applicantCreditCode";
  public static final String APPLICANT_PHONE = "applicantPhone";
  public static final String APPLICANT_EMAIL = "applicantEmail";
  public static final String MATERIALS = "materials";
  public static final String ACCEPTANCE = "acceptance";
  public static final String ACCEPTANCE_DUE = "acceptanceDue";
  public static final String DECISION = "decision";
  public static final String OPINION = "opinion";
  public static final String MISSING_MATERIALS = "missingMaterials";
  public static final String DEPARTMENTS = "departments";
  public static final String REVIEW_DEPARTMENTS = "reviewDepartments";
  public static final String REMAINING_DAYS = "remainingDays";
  public static final String REVIEW_ROUND = "reviewRound";
  public static final String ACCEPTED_AT = "acceptedAt";
  public static final String CASE_DUE = "caseDue";
  public static final String CASE_REMAINING_DAYS = "caseRemainingDays";
  public static final String REVIEW_DUE = "reviewDue";
  public static final String REVIEW_OUTCOME = "reviewOutcome";
  public static final String RESULT_SUMMARY = "resultSummary";
  public static final String SUPPLEMENT_DEPARTMENTS = "supplementDepartments";
  public static final String SUPPLEMENT_REQUEST = "supplementRequest";
  public static final String SUPPLEMENT_DUE = "supplementDue";
  public static final String SUPPLEMENT_MATERIALS = "supplementMaterials";
  public static final String SUPPLEMENT_NOTE = "supplementNote";

  public static final String ACCEPTED = "accepted";
  public static final String SUPPLEMENT = "supplement";
  public static final String REJECTED = "rejected";
  public static final String APPROVED = "approved";

  private JointApprovalProcess() {
  }

  /** The process variable holding a department's latest review. */
  public static String reviewOf(String department) {
    return "review_" + department;
  }
}
