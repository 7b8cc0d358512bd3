package org.jingzhi.cockpit;

import java.util.Date;
import java.util.List;

/**
 * One line of a case's audit trail 「案件轨迹」. {@code kind}: {@code task} (who claimed and completed it,
 * when, and what they answered: decision and opinion, action and reason, report, return visit; or why
 * it was closed), {@code timer} (a timer that fired), {@code notice} (a notice issued), {@code overdue}
 * (a missed limit recorded against a unit) or {@code deadline} (a limit, due date or timer the platform moved: from
 * when, why, and by whom in {@code detail}; the new date in {@code dueDate}).
 */
public record TrailEntry(Date at, String kind, String title, String unit, String unitName, String claimedBy, Date claimedAt,
                         String completedBy, Date completedAt, Date dueDate, String detail, List<Answer> answers) {

  /** A field the user filled in when completing the task ({@code decision}, {@code opinion}, {@code action}, …) and its value. */
  public record Answer(String field, String value) {
  }

  static TrailEntry task(Date created, String name, String unit, String unitName, String claimedBy, Date claimedAt, String completedBy,
                         Date completedAt, Date dueDate, String closedReason, List<Answer> answers) {
    return new TrailEntry(created, "task", name, unit, unitName, claimedBy, claimedAt, completedBy, completedAt, dueDate, closedReason,
        answers);
  }

  static TrailEntry timer(Date fired, String name) {
    return new TrailEntry(fired, "timer", name, null, null, null, null, null, null, null, null, List.of());
  }

  static TrailEntry notice(Date issued, String title, String recipient, String recipientName, String body) {
    return new TrailEntry(issued, "notice", title, recipient, recipientName, null, null, null, null, null, body, List.of());
  }

  static TrailEntry deadlineMoved(Date changed, String subject, String detail, Date newDue) {
    return new TrailEntry(changed, "deadline", subject, null, null, null, null, null, null, newDue, detail, List.of());
  }

  static TrailEntry overdue(Date recorded, String subject, String unit, String unitName, Date dueAt) {
    return new TrailEntry(recorded, "overdue", subject, unit, unitName, null, null, null, null, dueAt, null, List.of());
  }
}
