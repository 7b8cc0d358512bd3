package org.jingzhi.notice;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records notices in the current (engine) transaction and delivers them through every
 * {@link NotificationChannel} once it commits; a rolled-back case sends nothing.
 */
@Component
public class Notices {

  private static final Logger LOG = LoggerFactory.getLogger(Notices.class);
  private static final int MAX_BODY = 4000;

  private final JdbcTemplate jdbc;
  private final List<NotificationChannel> channels;

  public Notices(JdbcTemplate jdbc, List<NotificationChannel> channels) {
    this.jdbc = jdbc;
    this.channels = channels;
  }

  public Notice record(NoticeKind kind, String processInstanceId, String caseNumber, String recipientKind, String recipient,
                       String title, String body) {
    return insert(null, kind, processInstanceId, caseNumber, recipientKind, recipient, title, body);
  }

  /**
   * Records the notice a process step issues, once: a step run again (its timer's job executed twice) finds it by
   * {@link #stepKey} and issues nothing; two at the same moment are refused by the database ({@code jz_notice_once}).
   */
  public Notice recordOnce(DelegateExecution step, NoticeKind kind, String caseNumber, String recipientKind, String recipient, String title,
                           String body) {
    String key = stepKey(step, kind, recipient);
    List<Notice> issued = jdbc.query("SELECT * FROM jz_notice WHERE idempotency_key = ?", ROW, key);
    return issued.isEmpty() ? insert(key, kind, step.getProcessInstanceId(), caseNumber, recipientKind, recipient, title, body) : issued.get(0);
  }

  /** The step's own key: the activity instance it runs in, the step, what and to whom. */
  static String stepKey(DelegateExecution step, NoticeKind kind, String recipient) {
    return kind.name() + ":" + step.getParentActivityInstanceId() + ":" + step.getCurrentActivityId() + ":" + recipient;
  }

  private Notice insert(String idempotencyKey, NoticeKind kind, String processInstanceId, String caseNumber, String recipientKind,
                        String recipient, String title, String body) {
    Date now = ClockUtil.getCurrentTime();
    String text = body.length() > MAX_BODY ? body.substring(0, MAX_BODY - 1) + "…" : body;
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO jz_notice (kind, process_instance_id, case_number, recipient_kind, "
          + "recipient, title, body, created_at, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      statement.setString(1, kind.name());
      statement.setString(2, processInstanceId);
      statement.setString(3, caseNumber);
      statement.setString(4, recipientKind);
      statement.setString(5, recipient);
      statement.setString(6, title);
      statement.setString(7, text);
      statement.setTimestamp(8, new Timestamp(now.getTime()));
      statement.setString(9, idempotencyKey);
      return statement;
    }, key);
    Notice notice = new Notice(key.getKey().longValue(), kind, processInstanceId, caseNumber, recipientKind, recipient, title, text, now, null);
    deliverAfterCommit(notice);
    return notice;
  }

  public List<Notice> ofCase(String caseNumber) {
    return jdbc.query("SELECT * FROM jz_notice WHERE case_number = ? ORDER BY id", ROW, caseNumber);
  }

  private void deliverAfterCommit(Notice notice) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      deliver(notice);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        deliver(notice);
      }
    });
  }

  private void deliver(Notice notice) {
    try {
      channels.forEach(channel -> channel.deliver(notice));
      jdbc.update("UPDATE jz_notice SET delivered_at = ? WHERE id = ?", new Timestamp(ClockUtil.getCurrentTime().getTime()), notice.id());
    } catch (RuntimeException e) {
      LOG.warn("Notice {} could not be delivered; it stays undelivered in jz_notice", notice.id(), e);
    }
  }

  /** Notices of this kind issued since {@code since}. */
  public long countSince(NoticeKind kind, Date since) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM jz_notice WHERE kind = ? AND created_at >= ?", Long.class, kind.name(),
        new Timestamp(since.getTime()));
    return count == null ? 0 : count;
  }

  private static final RowMapper<Notice> ROW = (rs, row) -> new Notice(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")),
      rs.getString("process_instance_id"), rs.getString("case_number"), rs.getString("recipient_kind"), rs.getString("recipient"),
      rs.getString("title"), rs.getString("body"), date(rs.getTimestamp("created_at")), date(rs.getTimestamp("delivered_at")));

  private static Date date(Timestamp timestamp) {
    return timestamp == null ? null : new Date(timestamp.getTime());
  }
}
