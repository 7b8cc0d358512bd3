package org.jingzhi.responsibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.web.InvalidRequestException;
import org.jingzhi.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The precedents (案例, {@code jz_precedent}), numbered {@code CA-2026-0001}, with every change in
 * {@code jz_precedent_change}. Written in the caller's transaction: a ruling and its precedent commit together.
 */
@Component
public class Precedents {

  private static final String COLUMNS = "number, category, keywords, location, channel, owner, ruling, origin_event, decided_by, decided_at,"
      + " status, superseded_by";

  private final JdbcTemplate jdbc;
  private final PrecedentRules rules;
  private final ZoneId zone;

  Precedents(JdbcTemplate jdbc, PrecedentRules rules, CalendarProperties calendar) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.zone = calendar.getZone();
  }

  /** Records a ruling as precedent; answers its number. */
  public String create(PrecedentRule rule, String ruling, String originEvent, String by) {
    Date now = ClockUtil.getCurrentTime();
    String number = nextNumber(now);
    insert(number, rule, ruling, originEvent, by, now);
    return number;
  }

  private void insert(String number, PrecedentRule rule, String ruling, String originEvent, String by, Date now) {
    jdbc.update("INSERT INTO jz_precedent (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", number, rule.category(),
        rule.keywords().isEmpty() ? null : String.join(",", rule.keywords()), rule.location(), rule.channel(), rule.owner(), ruling,
        originEvent, by, new Timestamp(now.getTime()), Precedent.Status.IN_FORCE.name(), null);
    change(number, "CREATED", by, now, null);
  }

  public Precedent get(String number) {
    return jdbc.query("SELECT " + COLUMNS + " FROM jz_precedent WHERE number = ?", Precedents::precedent, number).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("没有编号为 " + number + " 的裁定案例"));
  }

  /** Newest first; each filter optional: category, status, and text in the ruling or the keywords. */
  public List<Precedent> search(String category, Precedent.Status status, String text) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jz_precedent WHERE 1 = 1");
    List<Object> arguments = new ArrayList<>();
    if (category != null) {
      sql.append(" AND category = ?");
      arguments.add(category);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      arguments.add(status.name());
    }
    if (text != null) {
      sql.append(" AND (POSITION(? IN ruling) > 0 OR POSITION(? IN COALESCE(keywords, '')) > 0)");
      arguments.add(text);
      arguments.add(text);
    }
    return jdbc.query(sql + " ORDER BY decided_at DESC, number DESC", Precedents::precedent, arguments.toArray());
  }

  public List<Precedent.Change> changes(String number) {
    return jdbc.query("SELECT change_kind, changed_by, changed_at, reason FROM jz_precedent_change WHERE number = ? ORDER BY id",
        (row, i) -> new Precedent.Change(row.getString(1), row.getString(2), new Date(row.getTimestamp(3).getTime()), row.getString(4)),
        number);
  }

  /** Where a precedent sends an event: the precedent's number and the owner's group id. */
  public record Route(String precedent, String owner) {
  }

  /** The newest precedent in force that the event matches, with the owner it names for the event's location; empty if none. */
  public Optional<Route> route(String category, String description, String communityCode, String channel) {
    return search(category, Precedent.Status.IN_FORCE, null).stream()
        .filter(precedent -> rules.matches(precedent.rule(), category, description, communityCode, channel))
        .flatMap(precedent -> rules.owner(precedent.rule(), communityCode).map(owner -> new Route(precedent.number(), owner)).stream())
        .findFirst();
  }

  /** In the caller's transaction: of two changes of one precedent at the same moment, the second finds it no longer in force. */
  public void revoke(String number, String reason, String by) {
    get(number);
    endInForce(number, Precedent.Status.REVOKED, null);
    change(number, "REVOKED", by, ClockUtil.getCurrentTime(), reason);
  }

  /** Replaces a precedent in force by a new one, in the caller's transaction; answers the new number. */
  public String supersede(String number, PrecedentRule rule, String ruling, String reason, String by) {
    Precedent old = get(number);
    Date now = ClockUtil.getCurrentTime();
    String successor = nextNumber(now);
    endInForce(number, Precedent.Status.SUPERSEDED, successor);
    insert(successor, rule, ruling, old.originEvent(), by, now);
    change(number, "SUPERSEDED", by, now, reason + "（由 " + successor + " 取代）");
    return successor;
  }

  /** Ends a precedent that is in force, by a conditional update: a concurrent change of it leaves nothing to update. */
  private void endInForce(String number, Precedent.Status status, String supersededBy) {
    if (jdbc.update("UPDATE jz_precedent SET status = ?, superseded_by = ? WHERE number = ? AND status = ?", status.name(), supersededBy, number,
        Precedent.Status.IN_FORCE.name()) == 0) {
      throw new InvalidRequestException("裁定案例 " + number + " 已撤销或已被取代，不能再变更");
    }
  }

  private void change(String number, String kind, String by, Date at, String reason) {
    jdbc.update("INSERT INTO jz_precedent_change (number, change_kind, changed_by, changed_at, reason) VALUES (?, ?, ?, ?, ?)", number, kind,
        by, new Timestamp(at.getTime()), reason);
  }

  /** CA-yyyy-nnnn: the year of the ruling and a counter that never repeats (jz_case_counter, series CA; rows lock as for case numbers). */
  private String nextNumber(Date now) {
    jdbc.update("UPDATE jz_case_counter SET last_value = last_value + 1 WHERE series = 'CA'");
    Long value = jdbc.queryForObject("SELECT last_value FROM jz_case_counter WHERE series = 'CA'", Long.class);
    return String.format("CA-%d-%04d", now.toInstant().atZone(zone).getYear(), value);
  }

  private static Precedent precedent(ResultSet row, int index) throws SQLException {
    String keywords = row.getString("keywords");
    PrecedentRule rule = new PrecedentRule(row.getString("category"), keywords == null ? List.of() : Arrays.asList(keywords.split(",")),
        row.getString("location"), row.getString("channel"), row.getString("owner"));
    return new Precedent(row.getString("number"), rule, row.getString("ruling"), row.getString("origin_event"), row.getString("decided_by"),
        new Date(row.getTimestamp("decided_at").getTime()), Precedent.Status.valueOf(row.getString("status")), row.getString("superseded_by"));
  }
}
