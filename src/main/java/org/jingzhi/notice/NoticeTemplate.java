package org.jingzhi.notice;

import java.util.List;

/**
 * The notices the platform issues and the parameters each one is given. Their texts (Chinese) and the SMS provider's
 * template codes are data, in the file {@code jingzhi.notice.templates} names ({@code notice/templates.yaml}); at start
 * every template here must be in the file, use only its parameters, and, when it goes to a person, have an SMS code.
 */
public enum NoticeTemplate {
  CASE_ACCEPTED("case-accepted", true, "projectName", "matterName", "caseNumber", "queryCode"),
  CASE_SUPPLEMENT("case-supplement", true, "projectName", "matterName", "caseNumber", "materials", "workingDays"),
  CASE_EXTENSION("case-extension", true, "projectName", "matterName", "caseNumber", "limit", "length", "newDue", "reason"),
  CASE_EXCLUDED_TIME("case-excluded-time", true, "projectName", "matterName", "caseNumber", "department", "procedure", "reason",
      "workingDays", "expectedEnd"),
  CASE_EXCLUDED_TIME_ENDED("case-excluded-time-ended", true, "projectName", "matterName", "caseNumber", "department", "procedure",
      "result"),
  CASE_NOT_ACCEPTED("case-not-accepted", true, "projectName", "caseNumber", "reason"),
  CASE_APPROVED("case-approved", true, "projectName", "caseNumber", "summary"),
  CASE_REJECTED("case-rejected", true, "projectName", "caseNumber", "summary"),
  CASE_WITHDRAWN("case-withdrawn", true, "projectName", "caseNumber"),
  EVENT_REGISTERED("event-registered", true, "categoryName", "eventNumber"),
  EVENT_RESOLVED("event-resolved", true, "categoryName", "eventNumber", "result", "link"),
  REVIEW_REMINDER("review-reminder", false, "subject"),
  REPORT_REMINDER("report-reminder", false, "subject"),
  RULING_REMINDER("ruling-reminder", false, "subject"),
  OVERDUE("overdue", false, "subject", "unitName", "due", "caseNumber"),
  SUPERVISION("supervision", false, "subject", "unitName", "due", "caseNumber"),
  SUMMONS("summons", false, "unitName", "departmentName", "categoryName", "address", "eventNumber", "due");

  private final String id;
  private final boolean toPeople;
  private final List<String> parameters;

  NoticeTemplate(String id, boolean toPeople, String... parameters) {
    this.id = id;
    this.toPeople = toPeople;
    this.parameters = List.of(parameters);
  }

  /** The key in the templates file and in {@code jz_notice.template}. */
  public String id() {
    return id;
  }

  /** Sent to applicants and reporters, by SMS (so it needs the provider's template code) or e-mail. */
  public boolean toPeople() {
    return toPeople;
  }

  public List<String> parameters() {
    return parameters;
  }
}
