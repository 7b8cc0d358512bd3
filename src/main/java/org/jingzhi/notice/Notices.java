package org.jingzhi.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.notice.Notice.Channel;
import org.jingzhi.notice.Notice.Delivery;
import org.jingzhi.notice.Notice.Status;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.Unit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The outbox: records notices in the current (engine) transaction, one row per recipient and channel, for
 * {@link NoticeDispatcher} to deliver once it has committed. A rolled-back step tells nobody; a committed one is told
 * even when the node dies before delivering. A unit's notices are in the platform at once (and by e-mail where it has
 * an address); a person's go by SMS to a mobile number and by e-mail to an address.
 */
@Component
public class Notices {

  private static final int MAX_TITLE = 300;
  private static final int MAX_BODY = 4000;
  private static final int MAX_PARAMETER = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LINE_BREAKS_AND_SPACES = Pattern.compile("[\\p{Cntrl}\\s]+");

  private final JdbcTemplate jdbc;
  private final NoticeTexts texts;
  private final Organization organization;
  /**
   * Whether the node has a mail server, asked once: its beans do not change while it runs, and looking the sender up for
   * every notice took 3 % of a deadline storm's job threads.
   */
  private final Supplier<Boolean> mailConfigured;

  public Notices(JdbcTemplate jdbc, NoticeTexts texts, Organization organization, ObjectProvider<JavaMailSender> mail) {
    this.jdbc = jdbc;
    this.texts = texts;
    this.organization = organization;
    this.mailConfigured = SingletonSupplier.of(() -> mail.getIfAvailable() != null);
  }

  public List<Notice> tellUnit(Cause cause, NoticeKind kind, String unit, NoticeTemplate template, Map<String, String> parameters) {
    return tellUnits(kind, List.of(new UnitNotice(cause, unit, template, parameters)));
  }

  /**
   * Several units' notices of one step (a missed limit tells its unit and 效能督查办), every row of them written in one
   * statement: in a deadline storm each statement of a limit counts.
   */
  public List<Notice> tellUnits(NoticeKind kind, List<UnitNotice> told) {
    List<Draft> drafts = new ArrayList<>();
    for (UnitNotice notice : told) {
      List<Address> addresses = new ArrayList<>(List.of(new Address(Channel.IN_APP, null)));
      organization.find(notice.unit()).map(Unit::email).filter(email -> email != null && mailConfigured())
          .ifPresent(email -> addresses.add(new Address(Channel.EMAIL, email)));
      drafts.addAll(drafts(notice.cause(), kind, Notice.UNIT, notice.unit(), addresses, notice.template(), notice.parameters()));
    }
    return written(drafts);
  }

  /** Tells a person by SMS and e-mail, as far as they left a number and an address; without either the window must tell them. */
  public List<Notice> tellPerson(Cause cause, NoticeKind kind, Person person, NoticeTemplate template, Map<String, String> parameters) {
    List<Address> addresses = new ArrayList<>();
    if (person.mobile() != null) {
      addresses.add(new Address(Channel.SMS, person.mobile()));
    }
    if (person.email() != null && mailConfigured()) {
      addresses.add(new Address(Channel.EMAIL, person.email()));
    }
    if (addresses.isEmpty()) {
      addresses.add(new Address(Channel.NONE, null));
    }
    List<Draft> drafts = new ArrayList<>();
    for (Address address : addresses) {
      drafts.addAll(drafts(cause, kind, person.kind(), address.address() == null ? "未留联系方式" : address.address(), List.of(address),
          template, parameters));
    }
    return written(drafts);
  }

  private boolean mailConfigured() {
    return mailConfigured.get();
  }

  private record Address(Channel channel, String address) {
  }

  /** A notice to write under its idempotency key, or the one a step that tells once wrote before. */
  private record Draft(Notice notice, String key, boolean earlier) {
  }

  private List<Draft> drafts(Cause cause, NoticeKind kind, String recipientKind, String recipient, List<Address> addresses,
                             NoticeTemplate template, Map<String, String> parameters) {
    Map<String, String> values = new LinkedHashMap<>();
    parameters.forEach((name, value) -> values.put(name, value == null ? "" : clip(value, MAX_PARAMETER)));
    NoticeTexts.Rendered text = texts.render(template, values);
    List<Draft> drafts = new ArrayList<>();
    for (Address address : addresses) {
      String key = cause.key() + ":" + address.channel();
      List<Notice> earlier = cause.once() ? jdbc.query("SELECT * FROM jz_notice WHERE idempotency_key = ?", ROW, key) : List.of();
      drafts.add(earlier.isEmpty() ? new Draft(draft(cause, kind, recipientKind, recipient, address, template, values, text), key, false)
          : new Draft(earlier.get(0), key, true));
    }
    return drafts;
  }

  private Notice draft(Cause cause, NoticeKind kind, String recipientKind, String recipient, Address address, NoticeTemplate template,
                       Map<String, String> parameters, NoticeTexts.Rendered text) {
    Date now = ClockUtil.getCurrentTime();
    Status status = switch (address.channel()) {
      case IN_APP -> Status.SENT;
      case NONE -> Status.GIVEN_UP;
      case SMS, EMAIL -> Status.PENDING;
    };
    String lastError = address.channel() == Channel.NONE ? "未留手机号码或电子邮箱：请窗口当面或电话告知" : null;
    Delivery delivery = new Delivery(address.channel(), address.address(), template.id(), parameters, status, 0,
        status == Status.PENDING ? now : null, lastError, status == Status.SENT ? now : null, null);
    return new Notice(null, kind, cause.processInstanceId(), cause.caseNumber(), recipientKind, recipient,
        clip(oneLine(text.title()), MAX_TITLE), clip(text.body(), MAX_BODY), now, delivery);
  }

  /** Writes the new drafts in one statement and answers every notice, in the drafts' order, each with its id. */
  private List<Notice> written(List<Draft> drafts) {
    List<Draft> fresh = drafts.stream().filter(draft -> !draft.earlier()).toList();
    Iterator<Number> ids = fresh.isEmpty() ? Collections.emptyIterator() : insert(fresh).iterator();
    return drafts.stream().map(draft -> draft.earlier() ? draft.notice() : withId(draft.notice(), ids.next())).toList();
  }

  /** The rows' ids in the order of their values: PostgreSQL returns an insert's rows so, and H2 its generated keys. */
  private List<Number> insert(List<Draft> drafts) {
    String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";
    String sql = "INSERT INTO jz_notice (kind, process_instance_id, case_number, recipient_kind, recipient, title, body, created_at,"
        + " idempotency_key, channel, address, template, params, status, attempts, next_attempt_at, last_error, delivered_at) VALUES "
        + String.join(", ", Collections.nCopies(drafts.size(), row));
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"});
      int at = 0;
      for (Draft draft : drafts) {
        at = bind(statement, at, draft.notice(), draft.key());
      }
      return statement;
    }, keys);
    List<Number> ids = keys.getKeyList().stream().map(key -> (Number) key.values().iterator().next()).toList();
    if (ids.size() != drafts.size()) {
      throw new IllegalStateException("jz_notice gave " + ids.size() + " ids for " + drafts.size() + " notices");
    }
    return ids;
  }

  private static int bind(PreparedStatement statement, int at, Notice notice, String key) throws SQLException {
    Delivery delivery = notice.delivery();
    statement.setString(++at, notice.kind().name());
    statement.setString(++at, notice.processInstanceId());
    statement.setString(++at, notice.caseNumber());
    statement.setString(++at, notice.recipientKind());
    statement.setString(++at, notice.recipient());
    statement.setString(++at, notice.title());
    statement.setString(++at, notice.body());
    statement.setTimestamp(++at, timestamp(notice.createdAt()));
    statement.setString(++at, key);
    statement.setString(++at, delivery.channel().name());
    statement.setString(++at, delivery.address());
    statement.setString(++at, delivery.template());
    statement.setString(++at, json(delivery.parameters()));
    statement.setString(++at, delivery.status().name());
    statement.setTimestamp(++at, timestamp(delivery.nextAttemptAt()));
    statement.setString(++at, delivery.lastError());
    statement.setTimestamp(++at, timestamp(delivery.sentAt()));
    return at;
  }

  private static Notice withId(Notice notice, Number id) {
    return new Notice(id.longValue(), notice.kind(), notice.processInstanceId(), notice.caseNumber(), notice.recipientKind(),
        notice.recipient(), notice.title(), notice.body(), notice.createdAt(), notice.delivery());
  }

  public List<Notice> ofCase(String caseNumber) {
    return jdbc.query("SELECT * FROM jz_notice WHERE case_number = ? ORDER BY id", ROW, caseNumber);
  }

  public Optional<Notice> byId(long id) {
    return jdbc.query("SELECT * FROM jz_notice WHERE id = ?", ROW, id).stream().findFirst();
  }

  /** Notices of this kind issued since {@code since}, each once however many channels carried it. */
  public long countSince(NoticeKind kind, Date since) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM jz_notice WHERE kind = ? AND created_at >= ? AND channel IN ('IN_APP', 'NONE', 'SMS')",
        Long.class, kind.name(), new Timestamp(since.getTime()));
    return count == null ? 0 : count;
  }

  /** A title is one line: it becomes an e-mail's subject, where a line break from a client's text would start a header. */
  static String oneLine(String text) {
    return LINE_BREAKS_AND_SPACES.matcher(text).replaceAll(" ").strip();
  }

  static String clip(String text, int max) {
    return text.length() > max ? text.substring(0, max - 1) + "…" : text;
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  private static String json(Map<String, String> parameters) {
    try {
      return JSON.writeValueAsString(parameters);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> parameters(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  static final RowMapper<Notice> ROW = (rs, row) -> new Notice(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")),
      rs.getString("process_instance_id"), rs.getString("case_number"), rs.getString("recipient_kind"), rs.getString("recipient"),
      rs.getString("title"), rs.getString("body"), date(rs.getTimestamp("created_at")),
      new Delivery(Channel.valueOf(rs.getString("channel")), rs.getString("address"), rs.getString("template"), parameters(rs.getString("params")),
          Status.valueOf(rs.getString("status")), rs.getInt("attempts"), date(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
          date(rs.getTimestamp("delivered_at")), date(rs.getTimestamp("read_at"))));

  private static Date date(Timestamp timestamp) {
    return timestamp == null ? null : new Date(timestamp.getTime());
  }
}
