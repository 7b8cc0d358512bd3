package org.jingzhi.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notices a deadline storm leaves in the outbox: each missed limit tells its department and 效能督查办, in the
 * platform and, for a unit with a mailbox, by e-mail. Waits until none of the storm's is left to send, then answers how
 * many notices went by e-mail, in how many e-mails the SMTP server received, and when the last went out. The storm's
 * notices are those written after {@link #mark}: a shared outbox may hold others' of any date, sent or waiting.
 */
final class StormNotices {

  private StormNotices() {
  }

  /** Where the outbox stands before the storm: the last notice written so far, and what the SMTP server has received. */
  record Mark(long lastNotice, int mailed) {
  }

  static Mark mark(JdbcTemplate jdbc, GreenMail smtp) {
    return new Mark(jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM jz_notice", Long.class), smtp.getReceivedMessages().length);
  }

  static String awaitDelivered(JdbcTemplate jdbc, Mark before, Instant due, GreenMail smtp, Duration patience) throws InterruptedException {
    long since = before.lastNotice();
    Instant giveUp = Instant.now().plus(patience);
    long waiting;
    while ((waiting = count(jdbc, "status IN ('PENDING', 'FAILED')", since)) > 0 && Instant.now().isBefore(giveUp)) {
      Thread.sleep(1000);
    }
    Map<String, Object> sent = jdbc.queryForMap("SELECT COUNT(*) AS notices, MAX(delivered_at) AS last FROM jz_notice"
        + " WHERE channel = 'EMAIL' AND status = 'SENT' AND id > ?", since);
    Timestamp last = (Timestamp) sent.get("last");
    return String.format("%nThe storm's notices to the units%n| | |%n|---|---|%n"
            + "| notices by e-mail, sent / still to send | %d / %d |%n"
            + "| e-mails the SMTP server received | %d |%n"
            + "| the last e-mail sent, after the limits' second | %s |%n"
            + "| notices in the units' lists | %d |%n",
        ((Number) sent.get("notices")).longValue(), waiting, smtp.getReceivedMessages().length - before.mailed(),
        last == null ? "—" : String.format("%.1f s", Duration.between(due, last.toInstant()).toMillis() / 1e3),
        count(jdbc, "channel = 'IN_APP'", since));
  }

  private static long count(JdbcTemplate jdbc, String condition, long since) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM jz_notice WHERE " + condition + " AND id > ?", Long.class, since);
  }
}
