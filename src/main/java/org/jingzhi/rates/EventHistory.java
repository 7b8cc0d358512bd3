package org.jingzhi.rates;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine history the rates count, for many events at once (those of a period not yet counted, or a batch
 * of ended ones to count): a handful of queries over the events' process-instance trees by their ids (each
 * history row carries its root instance, the event), not a dozen engine queries per event. Read without the engine's
 * authorizations: the callers are the supervisors' resources, which check who asks, and the counter.
 */
@Component
class EventHistory {

  /** The events to read, {@code e}, chosen by a condition appended to this. */
  private static final String EVENTS = " SELECT e.ID_, e.START_TIME_ FROM ACT_HI_PROCINST e WHERE e.PROC_DEF_KEY_ = ? AND ";
  /** At most this many events' trees are read in one query: their ids are its parameters. */
  static final int CHUNK = 1000;
  /** The levels the event stayed at: the instances of {@code escalation-level} it called. */
  private static final String STAYS = " SELECT s.ID_, s.SUPER_PROCESS_INSTANCE_ID_, s.END_TIME_, s.DELETE_REASON_ FROM ACT_HI_PROCINST s"
      + " WHERE s.ROOT_PROC_INST_ID_ IN (%s) AND s.SUPER_PROCESS_INSTANCE_ID_ = s.ROOT_PROC_INST_ID_ AND s.PROC_DEF_KEY_ = '" + LEVEL_KEY + "'"
      + " ORDER BY s.START_TIME_, s.ID_";
  /** The variables the rates read: an instance's own (activity instance = the instance) and the return visits' answers. */
  private static final String VARIABLES = " SELECT v.PROC_INST_ID_, v.ACT_INST_ID_, v.NAME_, v.VAR_TYPE_, v.TEXT_, v.LONG_ FROM ACT_HI_VARINST v"
      + " WHERE v.ROOT_PROC_INST_ID_ IN (%s) AND v.NAME_ IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String TASKS = " SELECT t.ID_, t.PROC_INST_ID_, t.TASK_DEF_KEY_, t.START_TIME_, t.END_TIME_, t.DUE_DATE_, t.DELETE_REASON_"
      + " FROM ACT_HI_TASKINST t WHERE t.ROOT_PROC_INST_ID_ IN (%s) AND t.TASK_DEF_KEY_ IN (?, ?) ORDER BY t.START_TIME_, t.ID_";
  /** Who a task was offered to, and when it was first signed for (claimed). */
  private static final String LINKS = " SELECT i.TASK_ID_, i.TYPE_, i.GROUP_ID_, i.TIMESTAMP_ FROM ACT_HI_IDENTITYLINK i"
      + " WHERE i.ROOT_PROC_INST_ID_ IN (%s)"
      + " AND ((i.TYPE_ = 'assignee' AND i.OPERATION_TYPE_ = 'add') OR (i.TYPE_ = 'candidate' AND i.GROUP_ID_ IS NOT NULL))"
      + " ORDER BY i.TIMESTAMP_, i.ID_";
  private static final String VISITS = " SELECT a.ID_, a.PROC_INST_ID_, a.START_TIME_ FROM ACT_HI_ACTINST a"
      + " WHERE a.PROC_INST_ID_ IN (%s) AND a.ACT_ID_ = ? AND a.END_TIME_ IS NOT NULL ORDER BY a.END_TIME_, a.ID_";

  /** An event to read: its process instance and when it was reported. */
  private record Reported(String id, Date reportedAt) {
  }

  record Stay(String id, Date endedAt, String deleteReason, Map<String, Object> variables, List<Task> tasks) {
  }

  /** {@code claimedAt}: when it was first signed for, null if never; {@code candidateGroup}: the unit it was offered to. */
  record Task(String id, String definitionKey, Date startedAt, Date endedAt, Date dueDate, String deleteReason, Date claimedAt,
              String candidateGroup) {
  }

  record Visit(String activityInstanceId, Date startedAt) {
  }

  /** One event: its own variables, its stays in the order they began, its answered return visits with their answers. */
  record Event(String id, Date reportedAt, Map<String, Object> variables, List<Stay> stays, List<Visit> visits, Map<String, Object> satisfaction,
               Map<String, Object> resolved) {
  }

  private final JdbcTemplate jdbc;

  EventHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every event reported in [start, end) without shares counted with these rules, in the order they were reported. */
  List<Event> reportedNotCounted(Date start, Date end, String rules) {
    return read(" e.START_TIME_ >= ? AND e.START_TIME_ < ? AND " + CountedEvents.NOT_COUNTED, new Timestamp(start.getTime()),
        new Timestamp(end.getTime()), rules);
  }

  /** These events, in the order they were reported. */
  List<Event> events(List<String> ids) {
    return ids.isEmpty() ? List.of() : read(" e.ID_ IN (" + placeholders(ids.size()) + ")", ids.toArray());
  }

  /**
   * First the ids of the events, then their trees by id, {@link #CHUNK} events a query: the database reads each
   * tree through its index whatever it guesses about the condition (a join with it read all of ACT_HI_VARINST).
   */
  private List<Event> read(String condition, Object... parameters) {
    List<Reported> reported = jdbc.query(EVENTS + condition + " ORDER BY e.START_TIME_, e.ID_",
        (row, i) -> new Reported(row.getString(1), date(row.getTimestamp(2))), arguments(new Object[] {KEY}, parameters));
    List<Event> events = new ArrayList<>(reported.size());
    for (int from = 0; from < reported.size(); from += CHUNK) {
      events.addAll(trees(reported.subList(from, Math.min(reported.size(), from + CHUNK))));
    }
    return events;
  }

  private List<Event> trees(List<Reported> reported) {
    Object[] ids = reported.stream().map(Reported::id).toArray();
    String in = placeholders(ids.length);
    Map<String, Map<String, Object>> variables = new HashMap<>();
    Map<String, Map<String, Object>> satisfaction = new HashMap<>();
    Map<String, Map<String, Object>> resolved = new HashMap<>();
    jdbc.query(VARIABLES.formatted(in), row -> {
      String instance = row.getString(1);
      String activityInstance = row.getString(2);
      String name = row.getString(3);
      Object value = value(row);
      if (SATISFACTION.equals(name) || RESOLVED.equals(name)) {
        (SATISFACTION.equals(name) ? satisfaction : resolved).computeIfAbsent(instance, id -> new HashMap<>()).put(activityInstance, value);
      }
      if (instance.equals(activityInstance)) {
        variables.computeIfAbsent(instance, id -> new HashMap<>()).put(name, value);
      }
    }, arguments(ids, CATEGORY, CATEGORY_NAME, URGENT, UNIT, UNIT_NAME, LEVEL, LEVEL_NAME, ACTION, LEVEL_DUE, SATISFACTION, RESOLVED));

    Map<String, Date> claimed = new HashMap<>();
    Map<String, String> groups = new HashMap<>();
    jdbc.query(LINKS.formatted(in), row -> {
      if ("assignee".equals(row.getString(2))) {
        claimed.putIfAbsent(row.getString(1), date(row.getTimestamp(4)));
      } else {
        groups.putIfAbsent(row.getString(1), row.getString(3));
      }
    }, ids);
    Map<String, List<Task>> tasks = new HashMap<>();
    jdbc.query(TASKS.formatted(in), row -> {
      String id = row.getString(1);
      tasks.computeIfAbsent(row.getString(2), stay -> new ArrayList<>()).add(new Task(id, row.getString(3), date(row.getTimestamp(4)),
          date(row.getTimestamp(5)), date(row.getTimestamp(6)), row.getString(7), claimed.get(id), groups.get(id)));
    }, arguments(ids, HANDLE, REPORT));

    Map<String, List<Stay>> stays = new HashMap<>();
    jdbc.query(STAYS.formatted(in), row -> {
      String id = row.getString(1);
      stays.computeIfAbsent(row.getString(2), event -> new ArrayList<>()).add(new Stay(id, date(row.getTimestamp(3)), row.getString(4),
          variables.getOrDefault(id, Map.of()), tasks.getOrDefault(id, List.of())));
    }, ids);
    Map<String, List<Visit>> visits = new HashMap<>();
    jdbc.query(VISITS.formatted(in), row -> {
      visits.computeIfAbsent(row.getString(2), event -> new ArrayList<>()).add(new Visit(row.getString(1), date(row.getTimestamp(3))));
    }, arguments(ids, "returnVisit"));

    return reported.stream().map(event -> new Event(event.id(), event.reportedAt(), variables.getOrDefault(event.id(), Map.of()),
        stays.getOrDefault(event.id(), List.of()), visits.getOrDefault(event.id(), List.of()), satisfaction.getOrDefault(event.id(), Map.of()),
        resolved.getOrDefault(event.id(), Map.of()))).toList();
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static Object[] arguments(Object[] first, Object... more) {
    Object[] all = new Object[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  /** The value of a history variable of the simple types the rates read (text, yes/no, date, number). */
  private static Object value(ResultSet row) throws SQLException {
    String type = row.getString(4);
    long number = row.getLong(6);
    boolean present = !row.wasNull();
    return switch (type == null ? "null" : type) {
      case "string" -> row.getString(5);
      case "boolean" -> present ? number == 1 : null;
      case "date" -> present ? new Date(number) : null;
      case "integer", "long", "short" -> present ? number : null;
      default -> null;
    };
  }

  private static Date date(Timestamp timestamp) {
    return timestamp == null ? null : new Date(timestamp.getTime());
  }
}
