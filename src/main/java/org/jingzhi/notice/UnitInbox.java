package org.jingzhi.notice;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.cases.PersonalData;
import org.jingzhi.organization.Organization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each unit's notices in the platform (reminders, supervision, summons), newest first, and which it has not read. */
@Component
public class UnitInbox {

  public static final int MAX_PAGE = 200;

  private final JdbcTemplate jdbc;
  private final Organization organization;

  UnitInbox(JdbcTemplate jdbc, Organization organization) {
    this.jdbc = jdbc;
    this.organization = organization;
  }

  /** A notice as the unit's list shows it. */
  public record Entry(long id, String kind, String unit, String unitName, String caseNumber, String title, String body,
                      Date createdAt, Date readAt, String readBy) {
  }

  /** Unread notices of each unit, and their sum. */
  public record Unread(long total, Map<String, Long> units) {
  }

  /** The units' notices older than {@code beforeId} (null: the newest), at most {@code size}. */
  public List<Entry> list(Collection<String> units, boolean unreadOnly, Long beforeId, int size) {
    if (units.isEmpty()) {
      return List.of();
    }
    List<Object> arguments = new ArrayList<>(units);
    String sql = "SELECT id, kind, recipient, case_number, title, body, created_at, read_at, read_by FROM jz_notice WHERE channel = 'IN_APP'"
        + " AND recipient IN (" + String.join(", ", units.stream().map(unit -> "?").toList()) + ")"
        + (unreadOnly ? " AND read_at IS NULL" : "");
    if (beforeId != null) {
      sql += " AND id < ?";
      arguments.add(beforeId);
    }
    sql += " ORDER BY id DESC LIMIT " + Math.max(1, Math.min(size, MAX_PAGE));
    return jdbc.query(sql, (rs, row) -> new Entry(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
        organization.displayName(rs.getString("recipient")), rs.getString("case_number"), rs.getString("title"),
        PersonalData.maskMobilesIn(rs.getString("body")), rs.getTimestamp("created_at"), rs.getTimestamp("read_at"), rs.getString("read_by")),
        arguments.toArray());
  }

  public Unread unread(Collection<String> units) {
    Map<String, Long> counts = new LinkedHashMap<>();
    units.stream().sorted().forEach(unit -> counts.put(unit, 0L));
    if (!units.isEmpty()) {
      jdbc.query("SELECT recipient, COUNT(*) AS unread FROM jz_notice WHERE channel = 'IN_APP' AND read_at IS NULL AND recipient IN ("
              + String.join(", ", units.stream().map(unit -> "?").toList()) + ") GROUP BY recipient",
          rs -> {
            counts.put(rs.getString("recipient"), rs.getLong("unread"));
          }, units.toArray());
    }
    return new Unread(counts.values().stream().mapToLong(Long::longValue).sum(), counts);
  }

  /** The unit of a notice in the platform; null when there is no such notice. */
  public String unitOf(long id) {
    List<String> units = jdbc.queryForList("SELECT recipient FROM jz_notice WHERE id = ? AND channel = 'IN_APP'", String.class, id);
    return units.isEmpty() ? null : units.get(0);
  }

  /** Marks it read for the whole unit (the first reader is kept); true when it was unread. */
  public boolean markRead(long id, String userId) {
    return jdbc.update("UPDATE jz_notice SET read_at = ?, read_by = ? WHERE id = ? AND channel = 'IN_APP' AND read_at IS NULL",
        new Timestamp(ClockUtil.getCurrentTime().getTime()), userId, id) == 1;
  }
}
