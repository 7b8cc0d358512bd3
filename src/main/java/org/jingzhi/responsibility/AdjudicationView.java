package org.jingzhi.responsibility;

import java.util.Date;
import java.util.List;

/**
 * One adjudication of an event as its view shows it: who raised it and why, each party's statement (or that it
 * was late), the joint meetings, and the ruling (null while the group has not ruled).
 */
public record AdjudicationView(Date openedAt, Date endedAt, String raisedBy, String raisedByName, String reason,
                               List<Statement> statements, List<Meeting> meetings, Ruling ruling) {

  /** {@code late}: the party's limit passed without a statement. */
  public record Statement(String unit, String unitName, Date dueDate, Date statedAt, String statement, boolean late) {
  }

  public record Meeting(String date, String participants, String minutes, Date recordedAt, String recordedBy) {
  }

  /** {@code precedent}: the number of the precedent the ruling became, or null. */
  public record Ruling(String ownerUnit, String ownerUnitName, List<String> coHandlerUnits, String reason, Date ruledAt, String ruledBy,
                       String precedent) {
  }
}
