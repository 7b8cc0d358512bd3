package org.jingzhi.deadlines;

import java.util.Date;

/**
 * A deadline the platform moved on its own: in case or event {@code caseNumber}, a limit ({@code DEADLINE}: the
 * case total, a department's review, a level's limit …), an open task's due date ({@code TASK}) or a timer
 * ({@code TIMER}: reminder, overdue, supplement wait), from {@code from} to {@code to}.
 */
public record DeadlineMove(String caseNumber, String processInstanceId, String kind, String subject, String taskId, Date from, Date to) {

  public static final String DEADLINE = "DEADLINE";
  public static final String TASK = "TASK";
  public static final String TIMER = "TIMER";
}
