package org.jingzhi.notice;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.notice.Notice.Channel;
import org.jingzhi.notice.Notice.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Notices that did not reach their recipient: failing and given up, for supervisors to see and retry by hand. */
@Component
public class UndeliveredNotices {

  private static final Logger LOG = LoggerFactory.getLogger(UndeliveredNotices.class);

  private final JdbcTemplate jdbc;

  UndeliveredNotices(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An undelivered notice as supervisors see it: the recipient masked. */
  public record Entry(long id, String kind, String caseNumber, String recipientKind, String recipient, String channel, String status,
                      int attempts, String lastError, Date createdAt, Date nextAttemptAt, String title) {

    static Entry of(Notice notice) {
      return new Entry(notice.id(), notice.kind().name(), notice.caseNumber(), notice.recipientKind(),
          Notice.UNIT.equals(notice.recipientKind()) ? notice.recipient() : NoticeDispatcher.masked(notice), notice.channel().name(),
          notice.status().name(), notice.delivery().attempts(), notice.delivery().lastError(), notice.createdAt(),
          notice.delivery().nextAttemptAt(), notice.title());
    }
  }

  /** Given up ({@code GIVEN_UP}) or still being tried ({@code FAILED}), newest first. */
  public List<Entry> list(Status status, int size) {
    return jdbc.query("SELECT * FROM jz_notice WHERE status = ? ORDER BY id DESC LIMIT " + Math.max(1, Math.min(size, 500)), Notices.ROW,
        status.name()).stream().map(Entry::of).toList();
  }

  public Optional<Entry> find(long id) {
    return jdbc.query("SELECT * FROM jz_notice WHERE id = ?", Notices.ROW, id).stream().map(Entry::of).findFirst();
  }

  public enum Retry { RETRIED, NOT_FOUND, NOT_UNDELIVERED, NO_ADDRESS }

  /** Puts a failed or given-up notice back in the queue with a fresh set of attempts. */
  public Retry retry(long id, String userId) {
    List<Notice> found = jdbc.query("SELECT * FROM jz_notice WHERE id = ?", Notices.ROW, id);
    if (found.isEmpty()) {
      return Retry.NOT_FOUND;
    }
    Notice notice = found.get(0);
    if (notice.channel() == Channel.NONE || notice.channel() == Channel.IN_APP) {
      return Retry.NO_ADDRESS;
    }
    int changed = jdbc.update("UPDATE jz_notice SET status = 'PENDING', attempts = 0, next_attempt_at = ? WHERE id = ? AND status IN ('GIVEN_UP', 'FAILED')",
        new Timestamp(ClockUtil.getCurrentTime().getTime()), id);
    if (changed == 0) {
      return Retry.NOT_UNDELIVERED;
    }
    LOG.info("Notice {} ({} to {}) put back in the queue by {}", id, notice.channel(), NoticeDispatcher.masked(notice), userId);
    return Retry.RETRIED;
  }
}
