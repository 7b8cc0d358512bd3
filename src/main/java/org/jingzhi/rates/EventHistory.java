package org.jingzhi.rates;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine history the rates count, for every event reported in a period at once: a handful of
 * queries over the events' process-instance trees (each history row carries its root instance, the
 * event), not a dozen engine queries per event. Read without the engine's authorizations: the callers
 * are the supervisors' resources, which check who asks.
 */
@Component
class EventHistory {

  /** The events reported in the period; every query below is over their trees. */
  private static final String EVENTS = " JOIN ACT_HI_PROCINST e ON e.ID_ = %s WHERE e.PROC_DEF_KEY_ = ? AND e.START_TIME_ >= ? AND e.START_TIME_ < ?";
  private static final String EVENT_IDS = " SELECT e.ID_, e.START_TIME_ FROM ACT_HI_PROCINST e WHERE e.PROC_DEF_KEY_ = ? AND e.START_TIME_ >= ? AND e.START_TIME_ < ?"
      + " ORDER BY e.START_TIME_, e.ID_";
  /** The levels the event stayed at: the instances of {@code escalation-level} it called. */
  private static final String STAYS = " SELECT s.ID_, s.SUPER_PROCESS_INSTANCE_ID_, s.END_TIME_, s.DELETE_REASON_ FROM ACT_HI_PROCINST s"
      + EVENTS.formatted("s.ROOT_PROC_INST_ID_") + " AND s.SUPER_PROCESS_INSTANCE_ID_ = e.ID_ ORDER BY s.START_TIME_, s.ID_";
  /** The variables the rates read: an instance's own (activity instance = the instance) and the return visits' answers. */
  private static final String VARIABLES = " SELECT v.PROC_INST_ID_, v.ACT_INST_ID_, v.NAME_, v.VAR_TYPE_, v.TEXT_, v.LONG_ FROM ACT_HI_VARINST v"
      + EVENTS.formatted("v.ROOT_PROC_INST_ID_") + " AND v.NAME_ IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String TASKS = " SELECT t.ID_, t.PROC_INST_ID_, t.TASK_DEF_KEY_, t.START_TIME_, t.END_TIME_, t.DUE_DATE_, t.DELETE_REASON_"
      + " FROM ACT_HI_TASKINST t" + EVENTS.formatted("t.ROOT_PROC_INST_ID_") + " AND t.TASK_DEF_KEY_ IN (?, ?) ORDER BY t.START_TIME_, t.ID_";
  /** Who a task was offered to, and when it was first signed for (claimed). */
  private static final String LINKS = " SELECT i.TASK_ID_, i.TYPE_, i.GROUP_ID_, i.TIMESTAMP_ FROM ACT_HI_IDENTITYLINK i"
      + EVENTS.formatted("i.ROOT_PROC_INST_ID_")
      + " AND ((i.TYPE_ = 'assignee' AND i.OPERATION_TYPE_ = 'add') OR (i.TYPE_ = 'candidate' AND i.GROUP_ID_ IS NOT NULL))"
      + " ORDER BY i.TIMESTAMP_, i.ID_";
  private static final String VISITS = " SELECT a.ID_, a.PROC_INST_ID_, a.START_TIME_ FROM ACT_HI_ACTINST a" + EVENTS.formatted("a.PROC_INST_ID_")
      + " AND a.ACT_ID_ = ? AND a.END_TIME_ IS NOT NULL ORDER BY a.END_TIME_, a.ID_";

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

  /** Every event reported in [start, end), in the order they were reported. */
  List<Event> reportedBetween(Date start, Date end) {
    Object[] period = {KEY, new Timestamp(start.getTime()), new Timestamp(end.getTime())};
    Map<String, Map<String, Object>> variables = new HashMap<>();
    Map<String, Map<String, Object>> satisfaction = new HashMap<>();
    Map<String, Map<String, Object>> resolved = new HashMap<>();
    jdbc.query(VARIABLES, row -> {
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
    }, arguments(period, CATEGORY, CATEGORY_NAME, URGENT, UNIT, UNIT_NAME, LEVEL, LEVEL_NAME, ACTION, LEVEL_DUE, SATISFACTION, RESOLVED));

    Map<String, Date> claimed = new HashMap<>();
    Map<String, String> groups = new HashMap<>();
    jdbc.query(LINKS, row -> {
      if ("assignee".equals(row.getString(2))) {
        claimed.putIfAbsent(row.getString(1), date(row.getTimestamp(4)));
      } else {
        groups.putIfAbsent(row.getString(1), row.getString(3));
      }
    }, period);
    Map<String, List<Task>> tasks = new HashMap<>();
    jdbc.query(TASKS, row -> {
      String id = row.getString(1);
      tasks.computeIfAbsent(row.getString(2), stay -> new ArrayList<>()).add(new Task(id, row.getString(3), date(row.getTimestamp(4)),
          date(row.getTimestamp(5)), date(row.getTimestamp(6)), row.getString(7), claimed.get(id), groups.get(id)));
    }, arguments(period, HANDLE, REPORT));

    Map<String, List<Stay>> stays = new HashMap<>();
    jdbc.query(STAYS, row -> {
      String id = row.getString(1);
      stays.computeIfAbsent(row.getString(2), event -> new ArrayList<>()).add(new Stay(id, date(row.getTimestamp(3)), row.getString(4),
          variables.getOrDefault(id, Map.of()), tasks.getOrDefault(id, List.of())));
    }, period);
    Map<String, List<Visit>> visits = new HashMap<>();
    jdbc.query(VISITS, row -> {
      visits.computeIfAbsent(row.getString(2), event -> new ArrayList<>()).add(new Visit(row.getString(1), date(row.getTimestamp(3))));
    }, arguments(period, "returnVisit"));

    Map<String, Event> events = new LinkedHashMap<>();
    jdbc.query(EVENT_IDS, row -> {
      String id = row.getString(1);
      events.put(id, new Event(id, date(row.getTimestamp(2)), variables.getOrDefault(id, Map.of()), stays.getOrDefault(id, List.of()), visits.getOrDefault(id, List.of()),
          satisfaction.getOrDefault(id, Map.of()), resolved.getOrDefault(id, Map.of())));
    }, period);
    return List.copyOf(events.values());
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

  private static Object[] arguments(Object[] period, Object... more) {
    Object[] all = new Object[period.length + more.length];
    System.arraycopy(period, 0, all, 0, period.length);
    System.arraycopy(more, 0, all, period.length, more.length);
    return all;
  }

  private static Date date(Timestamp timestamp) {
    return timestamp == null ? null : new Date(timestamp.getTime());
  }
}
