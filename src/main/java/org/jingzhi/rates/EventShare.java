package org.jingzhi.rates;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jingzhi.organization.Organization;

/**
 * What one event adds to the rates: to its groups under each grouping, and to the total. The one place where the
 * facts of an event become counts, for an event read from history as for one whose counts were kept
 * ({@link CountedEvents}). Assignments and resolutions count for the unit and level that held the event; return
 * visits for the stay that resolved it; reports for the summoned departments, which also share the event's
 * resolutions and visits.
 */
record EventShare(String event, Date reportedAt, String category, List<GroupShare> groups, RateCounts total) {

  record GroupShare(Grouping grouping, String key, String name, RateCounts counts) {
  }

  static EventShare of(EventFacts event, Organization organization) {
    List<GroupShare> groups = new ArrayList<>();
    for (Grouping grouping : Grouping.values()) {
      groups.addAll(shares(event, grouping, organization));
    }
    return new EventShare(event.id, event.reportedAt, event.category, List.copyOf(groups), total(event));
  }

  private static List<GroupShare> shares(EventFacts event, Grouping grouping, Organization organization) {
    Map<String, GroupShare> groups = new LinkedHashMap<>();
    if (grouping == Grouping.DEPARTMENT) {
      for (EventFacts.Report report : event.reports) {
        RateCounts counts = group(groups, grouping, report.department(), organization.shortName(report.department()));
        counts.assigned++;
        counts.respondedInTime += report.inTime() ? 1 : 0;
        counts.overdue += report.missedLimit() ? 1 : 0;
      }
      for (String department : event.summonedDepartments) {
        RateCounts counts = group(groups, grouping, department, organization.shortName(department));
        event.stays.stream().filter(EventFacts.Stay::resolved).forEach(stay -> countResolution(counts, stay));
        event.visits.forEach(visit -> countVisit(counts, visit));
      }
      return List.copyOf(groups.values());
    }
    for (EventFacts.Stay stay : event.stays) {
      RateCounts counts = grouping == Grouping.CATEGORY ? group(groups, grouping, event.category, event.categoryName)
          : grouping == Grouping.LEVEL ? group(groups, grouping, stay.level(), stay.levelName())
          : group(groups, grouping, stay.unit(), stay.unitName());
      counts.assigned++;
      counts.respondedInTime += stay.respondedInTime() ? 1 : 0;
      counts.overdue += stay.missedLimit() ? 1 : 0;
      countResolution(counts, stay);
    }
    for (EventFacts.Visit visit : event.visits) {
      EventFacts.Stay judged = visit.judged();
      if (judged != null) {
        countVisit(grouping == Grouping.CATEGORY ? group(groups, grouping, event.category, event.categoryName)
            : grouping == Grouping.LEVEL ? group(groups, grouping, judged.level(), judged.levelName())
            : group(groups, grouping, judged.unit(), judged.unitName()), visit);
      }
    }
    return List.copyOf(groups.values());
  }

  /** Every assignment and visit of the event, once, and every limit it missed (levels and reports). */
  private static RateCounts total(EventFacts event) {
    RateCounts total = new RateCounts();
    for (EventFacts.Stay stay : event.stays) {
      total.assigned++;
      total.respondedInTime += stay.respondedInTime() ? 1 : 0;
      total.overdue += stay.missedLimit() ? 1 : 0;
      countResolution(total, stay);
    }
    event.reports.forEach(report -> total.overdue += report.missedLimit() ? 1 : 0);
    event.visits.forEach(visit -> countVisit(total, visit));
    return total;
  }

  private static void countResolution(RateCounts counts, EventFacts.Stay stay) {
    if (stay.resolved()) {
      counts.resolved++;
      counts.resolvedOnTime += stay.resolvedOnTime() ? 1 : 0;
    }
  }

  private static void countVisit(RateCounts counts, EventFacts.Visit visit) {
    if (visit.answered()) {
      counts.visitsAnswered++;
      counts.visitsResolved += visit.resolved() ? 1 : 0;
      counts.visitsSatisfied += visit.satisfied() ? 1 : 0;
    }
  }

  private static RateCounts group(Map<String, GroupShare> groups, Grouping grouping, String key, String name) {
    return groups.computeIfAbsent(key, ignored -> new GroupShare(grouping, key, name, new RateCounts())).counts();
  }
}
