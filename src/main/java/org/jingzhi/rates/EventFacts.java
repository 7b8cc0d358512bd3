package org.jingzhi.rates;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rates count, from the engine history of one event ({@link EventHistory}): each stay at a level (an
 * assignment to a unit, whether it was signed for in time, whether it resolved the event and in
 * time), each summons report, and each answered return visit with the stay it judged.
 */
final class EventFacts {

  /** {@code missedLimit}: it ended after the level's limit, or is still open past it. */
  record Stay(String unit, String unitName, String level, String levelName, boolean respondedInTime, boolean resolved,
              boolean resolvedOnTime, Date endedAt, boolean missedLimit) {
  }

  /** {@code missedLimit}: reported after its limit, or still not reported past it. */
  record Report(String department, boolean inTime, boolean missedLimit) {
  }

  record Visit(Stay judged, boolean answered, boolean resolved, boolean satisfied) {
  }

  final String id;
  final Date reportedAt;
  final String category;
  final String categoryName;
  final List<Stay> stays = new ArrayList<>();
  final List<Report> reports = new ArrayList<>();
  final List<Visit> visits = new ArrayList<>();
  final Set<String> summonedDepartments = new LinkedHashSet<>();

  EventFacts(EventHistory.Event event, RateSettings settings, Date now) {
    id = event.id();
    reportedAt = event.reportedAt();
    category = (String) event.variables().get(CATEGORY);
    categoryName = (String) event.variables().get(CATEGORY_NAME);
    Duration responseLimit = Boolean.TRUE.equals(event.variables().get(URGENT)) ? settings.getResponseLimitUrgent() : settings.getResponseLimit();
    event.stays().forEach(stay -> readStay(stay, responseLimit, now));
    readVisits(event, settings);
  }

  private void readStay(EventHistory.Stay stay, Duration responseLimit, Date now) {
    Map<String, Object> local = stay.variables();
    EventHistory.Task first = stay.tasks().stream().filter(task -> HANDLE.equals(task.definitionKey())).findFirst().orElse(null);
    boolean respondedInTime = first != null && respondedWithin(first, responseLimit);
    boolean resolved = stay.deleteReason() == null && stay.endedAt() != null && RESOLVE.equals(local.get(ACTION));
    Date due = (Date) local.get(LEVEL_DUE);
    boolean onTime = resolved && due != null && !stay.endedAt().after(due);
    stays.add(new Stay((String) local.get(UNIT), (String) local.get(UNIT_NAME), (String) local.get(LEVEL), (String) local.get(LEVEL_NAME),
        respondedInTime, resolved, onTime, stay.endedAt(), missed(due, stay.endedAt(), now)));
    for (EventHistory.Task task : stay.tasks()) {
      if (REPORT.equals(task.definitionKey())) {
        summonedDepartments.add(task.candidateGroup());
        boolean reported = "completed".equals(task.deleteReason());
        reports.add(new Report(task.candidateGroup(), reported && (task.dueDate() == null || !task.endedAt().after(task.dueDate())),
            missed(task.dueDate(), task.endedAt(), now)));
      }
    }
  }

  private static boolean missed(Date due, Date ended, Date now) {
    return due != null && (ended != null ? ended.after(due) : now.after(due));
  }

  /** Signed for (claimed), or completed, within the limit after the task was assigned. */
  private static boolean respondedWithin(EventHistory.Task task, Duration limit) {
    Date responded = task.claimedAt();
    if (responded == null && "completed".equals(task.deleteReason())) {
      responded = task.endedAt();
    }
    return responded != null && responded.getTime() - task.startedAt().getTime() <= limit.toMillis();
  }

  private void readVisits(EventHistory.Event event, RateSettings settings) {
    for (EventHistory.Visit visit : event.visits()) {
      Object answer = event.satisfaction().get(visit.activityInstanceId());
      boolean reached = !"unreachable".equals(answer);
      Stay judged = null;
      for (Stay stay : stays) {
        if (stay.resolved() && stay.endedAt() != null && !stay.endedAt().after(visit.startedAt())) {
          judged = stay;
        }
      }
      visits.add(new Visit(judged, reached || settings.isUnreachableCountsAsAnswered(),
          reached && "yes".equals(event.resolved().get(visit.activityInstanceId())),
          "satisfied".equals(answer) || "basicallySatisfied".equals(answer)));
    }
  }
}
