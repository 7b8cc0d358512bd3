package org.jingzhi.supervision;

import java.util.Date;

/** A missed time limit: {@code scope} TASK for a unit's task, CASE for a whole case's limit. */
public record OverdueRecord(Long id, String scope, String processKey, String processInstanceId, String caseNumber, String unit,
                            String level, String activityId, String taskId, String subject, Date dueAt, Date recordedAt) {

  public static final String TASK = "TASK";
  public static final String CASE = "CASE";
}
