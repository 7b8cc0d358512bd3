package org.jingzhi.escalation;

import java.util.Date;
import java.util.List;
import org.jingzhi.deadlines.Extension;
import org.jingzhi.responsibility.AdjudicationView;

/** What staff see of an event ({@code GET /api/events/{eventNumber}}). */
public record EventView(String eventNumber, String processInstanceId, String category, String categoryName, String description,
                        String communityCode, String communityName, String address, boolean urgent, String channel, Date reportedAt,
                        String status, String statusLabel, String currentLevel, String currentLevelName, String currentUnit,
                        String currentUnitName, Date dueDate, boolean dueProvisional, boolean overdue, int sendBackCount, int unsatisfiedCount,
                        Ownership owner, List<LevelHandling> levels, List<Summons> summons, List<AdjudicationView> adjudications,
                        List<Miss> misses, List<ReturnVisit> returnVisits, List<Extension> extensions) {

  /**
   * Who owns the event and on what basis: the unit a ruling named (裁定), else the department the 权责清单 names for the
   * category at its (last) level; null if neither.
   */
  public record Ownership(String unit, String unitName, String basis) {
  }

  /** One stay of the event at one level: who held it, what they did, and how it ended. */
  public record LevelHandling(String level, String levelName, String unit, String unitName, Date startedAt, Date endedAt, Date dueDate,
                              String handledBy, String action, String actionLabel, String note, boolean missed, String closedReason) {
  }

  /** A department summoned to report on site (吹哨报到). */
  public record Summons(String department, String departmentName, String summonedBy, Date summonedAt, Date dueDate, Date reportedAt,
                        String reportedBy, boolean late, String reportNote) {
  }

  public record Miss(String unit, String unitName, String level, String subject, Date dueAt, Date recordedAt) {
  }

  public record ReturnVisit(Date at, String by, String satisfaction, String resolved, String note) {
  }
}
