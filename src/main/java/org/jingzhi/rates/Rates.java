package org.jingzhi.rates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.organization.Organization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * 响应率、按时办结率、解决率、满意率 of the escalation chain, computed from engine history for the events
 * reported in a period. Assignments and resolutions count for the unit and level that held the
 * event; return visits for the stay that resolved it; reports for the summoned departments.
 */
@Service
@EnableConfigurationProperties(RateSettings.class)
public class Rates {

  private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MM-dd");

  private final EventHistory history;
  private final RateSettings settings;
  private final Organization organization;
  private final ZoneId zone;

  Rates(EventHistory history, RateSettings settings, Organization organization, CalendarProperties calendar) {
    this.history = history;
    this.settings = settings;
    this.organization = organization;
    this.zone = calendar.getZone();
  }

  public RatesReport compute(RatesQuery query) {
    return compute(query.from(), query.to(), query.grouping());
  }

  RatesReport compute(LocalDate from, LocalDate to, Grouping grouping) {
    Date start = Date.from(from.atStartOfDay(zone).toInstant());
    Date end = Date.from(to.plusDays(1).atStartOfDay(zone).toInstant());
    Date now = ClockUtil.getCurrentTime();
    List<EventFacts> events = history.reportedBetween(start, end).stream()
        .map(event -> new EventFacts(event, settings, now))
        .filter(facts -> !settings.getExcludedCategories().contains(facts.category))
        .toList();

    Map<String, RateCounts> groups = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    RateCounts total = new RateCounts();
    Map<LocalDate, RateCounts> weeks = new TreeMap<>();
    for (LocalDate monday = weekOf(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
      weeks.put(monday, new RateCounts());
    }
    for (EventFacts event : events) {
      count(event, grouping, groups, names);
      countTotal(event, total);
      countTotal(event, weeks.get(weekOf(event.reportedAt.toInstant().atZone(zone).toLocalDate())));
    }
    List<GroupRates> rows = groups.entrySet().stream().map(entry -> entry.getValue().rates(entry.getKey(), names.get(entry.getKey()))).toList();
    List<GroupRates> trend = weeks.entrySet().stream()
        .map(week -> week.getValue().rates(week.getKey().toString(), week.getKey().format(WEEK) + " 周")).toList();
    return new RatesReport(from, to, grouping.code(), events.size(), rows, total.rates("total", "合计"), trend);
  }

  private static LocalDate weekOf(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private void count(EventFacts event, Grouping grouping, Map<String, RateCounts> groups, Map<String, String> names) {
    if (grouping == Grouping.DEPARTMENT) {
      for (EventFacts.Report report : event.reports) {
        RateCounts counts = group(groups, names, report.department(), organization.shortName(report.department()));
        counts.assigned++;
        counts.respondedInTime += report.inTime() ? 1 : 0;
        counts.overdue += report.missedLimit() ? 1 : 0;
      }
      for (String department : event.summonedDepartments) {
        RateCounts counts = group(groups, names, department, organization.shortName(department));
        event.stays.stream().filter(EventFacts.Stay::resolved).forEach(stay -> countResolution(counts, stay));
        event.visits.forEach(visit -> countVisit(counts, visit));
      }
      return;
    }
    for (EventFacts.Stay stay : event.stays) {
      RateCounts counts = grouping == Grouping.CATEGORY ? group(groups, names, event.category, event.categoryName)
          : grouping == Grouping.LEVEL ? group(groups, names, stay.level(), stay.levelName()) : group(groups, names, stay.unit(), stay.unitName());
      counts.assigned++;
      counts.respondedInTime += stay.respondedInTime() ? 1 : 0;
      counts.overdue += stay.missedLimit() ? 1 : 0;
      countResolution(counts, stay);
    }
    for (EventFacts.Visit visit : event.visits) {
      EventFacts.Stay judged = visit.judged();
      if (judged == null) {
        continue;
      }
      countVisit(grouping == Grouping.CATEGORY ? group(groups, names, event.category, event.categoryName)
          : grouping == Grouping.LEVEL ? group(groups, names, judged.level(), judged.levelName())
          : group(groups, names, judged.unit(), judged.unitName()), visit);
    }
  }

  /** Every assignment and visit of the event, once, and every limit it missed (levels and reports): the totals row. */
  private static void countTotal(EventFacts event, RateCounts total) {
    for (EventFacts.Stay stay : event.stays) {
      total.assigned++;
      total.respondedInTime += stay.respondedInTime() ? 1 : 0;
      total.overdue += stay.missedLimit() ? 1 : 0;
      countResolution(total, stay);
    }
    event.reports.forEach(report -> total.overdue += report.missedLimit() ? 1 : 0);
    event.visits.forEach(visit -> countVisit(total, visit));
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

  private static RateCounts group(Map<String, RateCounts> groups, Map<String, String> names, String key, String name) {
    names.putIfAbsent(key, name);
    return groups.computeIfAbsent(key, ignored -> new RateCounts());
  }
}
