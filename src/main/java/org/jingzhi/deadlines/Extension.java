package org.jingzhi.deadlines;

import java.util.Date;

/**
 * A request to extend a limit once (延期): whose limit ({@code scope} REVIEW: a department's review, CASE: a joint
 * approval's total, LEVEL: an event's limit at one level; {@code unit}), by how much (working days, or hours for an
 * urgent event), why, and what became of it: REQUESTED, APPROVED, REFUSED, or LAPSED when the work ended first.
 */
public record Extension(long id, String caseNumber, String processInstanceId, String scope, String unit, Integer workingDays, Integer hours,
                        String reason, String requestedBy, Date requestedAt, String status, String decidedBy, Date decidedAt,
                        String opinion, Date oldDue, Date newDue) {

  public static final String REVIEW = "REVIEW";
  public static final String CASE = "CASE";
  public static final String LEVEL = "LEVEL";

  public static final String REQUESTED = "REQUESTED";
  public static final String APPROVED = "APPROVED";
  public static final String REFUSED = "REFUSED";
  public static final String LAPSED = "LAPSED";

  /** 「10 个工作日」 or 「4 小时」. */
  public String length() {
    return hours != null ? hours + " 小时" : workingDays + " 个工作日";
  }
}
