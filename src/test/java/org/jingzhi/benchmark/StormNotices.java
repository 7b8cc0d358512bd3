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
 * many notices went by e-mail, in how many e-mails the SMTP server received, and when the last went out.
 */
final class StormNotices {

  private StormNotices() {
  }

  /** {@code mailedBefore}: what the SMTP server had received before the storm. */
  static String awaitDelivered(JdbcTemplate jdbc, Instant due, GreenMail smtp, int mailedBefore, Duration patience)
      throws InterruptedException {
    Timestamp since = Timestamp.from(due.minusSeconds(1));
    Instant giveUp = Instant.now().plus(patience);
    long waiting;
    while ((waiting = count(jdbc, "status IN ('PENDING', 'FAILED')", since)) > 0 && Instant.now().isBefore(giveUp)) {
      Thread.sleep(1000);
    }
    Map<String, Object> sent = jdbc.queryForMap("SELECT COUNT(*) AS notices, MAX(delivered_at) AS last FROM jz_notice"
        + " WHERE channel = 'EMAIL' AND status = 'SENT' AND created_at >= ?", since);
    Timestamp last = (Timestamp) sent.get("last");
    return String.format("%nThe storm's notices to the units%n| | |%n|---|---|%n"
            + "| notices by e-mail, sent / still to send | %d / %d |%n"
            + "| e-mails the SMTP server received | %d |%n"
            + "| the last e-mail sent, after the limits' second | %s |%n"
            + "| notices in the units' lists | %d |%n",
        ((Number) sent.get("notices")).longValue(), waiting, smtp.getReceivedMessages().length - mailedBefore,
        last == null ? "—" : String.format("%.1f s", Duration.between(due, last.toInstant()).toMillis() / 1e3),
        count(jdbc, "channel = 'IN_APP'", since));
  }

  private static long count(JdbcTemplate jdbc, String condition, Timestamp since) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM jz_notice WHERE " + condition + " AND created_at >= ?", Long.class, since);
  }
}
