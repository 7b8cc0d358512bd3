package org.jingzhi.notice;

import java.util.Date;

/**
 * A notice as recorded in {@code jz_notice}. {@code recipientKind} is {@code UNIT} (a group id in
 * {@code recipient}) or {@code APPLICANT} (the case's applicant).
 */
public record Notice(Long id, NoticeKind kind, String processInstanceId, String caseNumber, String recipientKind,
                     String recipient, String title, String body, Date createdAt, Date deliveredAt) {

  public static final String UNIT = "UNIT";
  public static final String APPLICANT = "APPLICANT";
}
