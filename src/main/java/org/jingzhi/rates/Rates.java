package org.jingzhi.rates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.organization.Organization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 响应率、按时办结率、解决率、满意率 of the escalation chain for the events reported in a period: the kept shares of
 * the ended events counted so far ({@link CountedEvents}), summed in the database, plus the shares of the others
 * (open, or ended since the last count) counted from engine history. One snapshot of the database for both, so
 * an event counted in between is seen once.
 */
@Service
@EnableConfigurationProperties(RateSettings.class)
public class Rates {

  private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MM-dd");

  private final EventHistory history;
  private final CountedEvents counted;
  private final RateSettings settings;
  private final Organization organization;
  private final ZoneId zone;

  Rates(EventHistory history, CountedEvents counted, RateSettings settings, Organization organization, CalendarProperties calendar) {
    this.history = history;
    this.counted = counted;
    this.settings = settings;
    this.organization = organization;
    this.zone = calendar.getZone();
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public RatesReport compute(RatesQuery query) {
    LocalDate from = query.from();
    LocalDate to = query.to();
    String rules = settings.rules();
    List<String> excluded = settings.getExcludedCategories();
    Tally tally = new Tally(from, to);
    counted.groups(from, to, query.grouping(), excluded, rules).forEach(group -> tally.addGroup(group.key(), group.name(), group.counts()));
    counted.days(from, to, excluded, rules).forEach(day -> tally.addDay(day.day(), day.events(), day.counts()));

    Date start = Date.from(from.atStartOfDay(zone).toInstant());
    Date end = Date.from(to.plusDays(1).atStartOfDay(zone).toInstant());
    Date now = ClockUtil.getCurrentTime();
    history.reportedNotCounted(start, end, rules).stream()
        .map(event -> EventShare.of(new EventFacts(event, settings, now), organization))
        .filter(share -> !excluded.contains(share.category()))
        .forEach(share -> {
          share.groups().stream().filter(group -> group.grouping() == query.grouping())
              .forEach(group -> tally.addGroup(group.key(), group.name(), group.counts()));
          tally.addDay(share.reportedAt().toInstant().atZone(zone).toLocalDate(), 1, share.total());
        });
    return tally.report(query.grouping());
  }

  /** The sums of a report: per group (named by the first name seen), in total, per week of report. */
  private static final class Tally {

    private final LocalDate from;
    private final LocalDate to;
    private final Map<String, RateCounts> groups = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final RateCounts total = new RateCounts();
    private final Map<LocalDate, RateCounts> weeks = new TreeMap<>();
    private int events;

    Tally(LocalDate from, LocalDate to) {
      this.from = from;
      this.to = to;
      for (LocalDate monday = weekOf(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
        weeks.put(monday, new RateCounts());
      }
    }

    void addGroup(String key, String name, RateCounts counts) {
      names.putIfAbsent(key, name);
      groups.computeIfAbsent(key, ignored -> new RateCounts()).add(counts);
    }

    void addDay(LocalDate day, int eventsThatDay, RateCounts counts) {
      events += eventsThatDay;
      total.add(counts);
      weeks.get(weekOf(day)).add(counts);
    }

    RatesReport report(Grouping grouping) {
      List<GroupRates> rows = groups.keySet().stream().sorted(Comparator.nullsLast(Comparator.naturalOrder()))
          .map(key -> groups.get(key).rates(key, names.get(key))).toList();
      List<GroupRates> trend = weeks.entrySet().stream()
          .map(week -> week.getValue().rates(week.getKey().toString(), week.getKey().format(WEEK) + " 周")).toList();
      return new RatesReport(from, to, grouping.code(), events, rows, total.rates("total", "合计"), trend);
    }

    private static LocalDate weekOf(LocalDate day) {
      return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
  }
}
