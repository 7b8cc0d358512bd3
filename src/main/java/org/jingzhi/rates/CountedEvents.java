package org.jingzhi.rates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.escalation.EscalationProcess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shares of ended events, kept ({@code jz_rate_event}, {@code jz_rate_share}): an ended event's history no longer
 * changes, so what it adds to the rates is counted once ({@link EndedEventCounter}) and a period's rates sum it per
 * group in the database. Only shares counted with the current rules count; any other event of the period is
 * counted from history at the request ({@link EventHistory}).
 */
@Component
class CountedEvents {

  /** An event {@code e} of the history that has no shares counted with the rules given as the parameter. */
  static final String NOT_COUNTED = "NOT EXISTS (SELECT 1 FROM jz_rate_event r WHERE r.event_id = e.ID_ AND r.rules = ?)";

  private static final String TOTAL = "total";
  private static final String SUMS = "SUM(s.assigned), SUM(s.responded_in_time), SUM(s.resolved), SUM(s.resolved_on_time),"
      + " SUM(s.visits_answered), SUM(s.visits_resolved), SUM(s.visits_satisfied), SUM(s.overdue)";
  private static final String PERIOD = " FROM jz_rate_share s WHERE s.group_by = ? AND s.rules = ? AND s.reported_on >= ? AND s.reported_on <= ?";
  private static final String INSERT_SHARE = "INSERT INTO jz_rate_share (event_id, rules, reported_on, category, group_by, group_key,"
      + " group_name, assigned, responded_in_time, resolved, resolved_on_time, visits_answered, visits_resolved, visits_satisfied,"
      + " overdue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** A group's counts summed over the counted events of a period. */
  record Group(String key, String name, RateCounts counts) {
  }

  /** The totals of the counted events reported on one day, and how many they are. */
  record Day(LocalDate day, int events, RateCounts counts) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ZoneId zone;

  CountedEvents(JdbcTemplate jdbc, TransactionTemplate transaction, CalendarProperties calendar) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.zone = calendar.getZone();
  }

  /** Up to {@code limit} ended events without shares counted with these rules, but for those left out. */
  List<String> endedNotCounted(String rules, int limit, Collection<String> leftOut) {
    List<Object> arguments = new ArrayList<>(List.of(EscalationProcess.KEY, rules));
    arguments.addAll(leftOut);
    return jdbc.queryForList(" SELECT e.ID_ FROM ACT_HI_PROCINST e WHERE e.PROC_DEF_KEY_ = ? AND e.END_TIME_ IS NOT NULL AND "
        + NOT_COUNTED + (leftOut.isEmpty() ? "" : " AND e.ID_ NOT IN (" + String.join(", ", Collections.nCopies(leftOut.size(), "?")) + ")")
        + " FETCH FIRST " + limit + " ROWS ONLY", String.class, arguments.toArray());
  }

  /**
   * Keeps the shares of these events, replacing any counted with other rules, in one transaction. Another node
   * keeping the same events at the same moment makes one of the two fail on the event's key, keeping nothing.
   */
  void keep(List<EventShare> shares, String rules) {
    if (shares.isEmpty()) {
      return;
    }
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    transaction.executeWithoutResult(status -> {
      jdbc.update("DELETE FROM jz_rate_event WHERE event_id IN (" + String.join(", ", Collections.nCopies(shares.size(), "?")) + ")",
          shares.stream().map(EventShare::event).toArray());
      jdbc.batchUpdate("INSERT INTO jz_rate_event (event_id, reported_at, rules, counted_at) VALUES (?, ?, ?, ?)",
          shares.stream().map(share -> new Object[] {share.event(), new Timestamp(share.reportedAt().getTime()), rules, now}).toList());
      List<Object[]> rows = new ArrayList<>();
      for (EventShare share : shares) {
        LocalDate day = share.reportedAt().toInstant().atZone(zone).toLocalDate();
        rows.add(row(share, rules, day, TOTAL, null, null, share.total()));
        share.groups().forEach(group -> rows.add(row(share, rules, day, group.grouping().code(), group.key(), group.name(), group.counts())));
      }
      jdbc.batchUpdate(INSERT_SHARE, rows);
    });
  }

  /** The counted events reported from {@code from} to {@code to} (both included), summed per group. */
  List<Group> groups(LocalDate from, LocalDate to, Grouping grouping, List<String> excludedCategories, String rules) {
    return jdbc.query(" SELECT s.group_key, MIN(s.group_name), " + SUMS + PERIOD + excluding(excludedCategories) + " GROUP BY s.group_key",
        (row, i) -> new Group(row.getString(1), row.getString(2), counts(row, 3)),
        arguments(grouping.code(), rules, from, to, excludedCategories));
  }

  /** The totals of the counted events reported from {@code from} to {@code to} (both included), per day of report. */
  List<Day> days(LocalDate from, LocalDate to, List<String> excludedCategories, String rules) {
    return jdbc.query(" SELECT s.reported_on, COUNT(*), " + SUMS + PERIOD + excluding(excludedCategories) + " GROUP BY s.reported_on",
        (row, i) -> new Day(row.getObject(1, LocalDate.class), row.getInt(2), counts(row, 3)),
        arguments(TOTAL, rules, from, to, excludedCategories));
  }

  private static String excluding(List<String> categories) {
    return categories.isEmpty() ? ""
        : " AND (s.category IS NULL OR s.category NOT IN (" + String.join(", ", Collections.nCopies(categories.size(), "?")) + "))";
  }

  private static Object[] arguments(String groupBy, String rules, LocalDate from, LocalDate to, List<String> excludedCategories) {
    List<Object> arguments = new ArrayList<>(List.of(groupBy, rules, from, to));
    arguments.addAll(excludedCategories);
    return arguments.toArray();
  }

  private static Object[] row(EventShare share, String rules, LocalDate day, String groupBy, String key, String name, RateCounts counts) {
    return new Object[] {share.event(), rules, day, share.category(), groupBy, key, name, counts.assigned, counts.respondedInTime,
        counts.resolved, counts.resolvedOnTime, counts.visitsAnswered, counts.visitsResolved, counts.visitsSatisfied, counts.overdue};
  }

  private static RateCounts counts(ResultSet row, int first) throws SQLException {
    RateCounts counts = new RateCounts();
    counts.assigned = row.getInt(first);
    counts.respondedInTime = row.getInt(first + 1);
    counts.resolved = row.getInt(first + 2);
    counts.resolvedOnTime = row.getInt(first + 3);
    counts.visitsAnswered = row.getInt(first + 4);
    counts.visitsResolved = row.getInt(first + 5);
    counts.visitsSatisfied = row.getInt(first + 6);
    counts.overdue = row.getInt(first + 7);
    return counts;
  }
}
