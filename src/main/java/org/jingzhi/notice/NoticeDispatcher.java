package org.jingzhi.notice;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.cases.PersonalData;
import org.jingzhi.notice.DeliveryChannel.DeliveryFailure;
import org.jingzhi.notice.Notice.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Each notice is claimed with {@code SELECT … FOR UPDATE SKIP LOCKED} and stays locked, in one
 * transaction, while its channel sends it and its new status is written: a dispatcher on another node (or another
 * thread) skips it, so it is sent once; a node that dies mid-delivery rolls back and the notice is due again. A failure
 * is tried again with exponential back-off and given up after {@code jingzhi.notice.dispatch.max-attempts}; a failure
 * no retry can cure (an unknown template, a number the gateway calls invalid) is given up at once. Given-up notices are
 * listed for supervisors and retried by hand ({@link UndeliveredNotices}).
 */
@Component
public class NoticeDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeDispatcher.class);
  private static final int MAX_ERROR = 1000;
  /** The next notice due, read whole and locked by the same statement. */
  private static final String CLAIM = "SELECT * FROM jz_notice WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?"
      + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED";
  /** The other e-mails to units at the same address due now, claimed as {@link #CLAIM} claims one. */
  static final String CLAIM_UNIT_EMAILS = "SELECT * FROM jz_notice WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?"
      + " AND channel = 'EMAIL' AND recipient_kind = 'UNIT' AND address = ? AND id <> ? ORDER BY next_attempt_at, id LIMIT ?"
      + " FOR UPDATE SKIP LOCKED";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Map<Notice.Channel, DeliveryChannel> channels;
  private final NoticeSettings.Dispatch settings;
  private ScheduledExecutorService schedule;

  NoticeDispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactions, List<DeliveryChannel> channels, NoticeSettings settings) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.channels = channels.stream().collect(Collectors.toMap(DeliveryChannel::channel, Function.identity()));
    this.settings = settings.dispatch();
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (settings.every().isZero() || settings.every().isNegative()) {
      return;
    }
    schedule = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "notice-dispatcher");
      thread.setDaemon(true);
      return thread;
    });
    long every = settings.every().toMillis();
    schedule.scheduleWithFixedDelay(this::dispatchQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.shutdownNow();
    }
  }

  /** Delivers what is due now, up to a batch of deliveries; returns how many notices it handled (sent, failed or given up). */
  public int dispatchDue() {
    int handled = 0;
    for (int delivery = 0; delivery < settings.batch(); delivery++) {
      Integer notices = transaction.execute(status -> deliverNext());
      if (notices == null || notices == 0) {
        break;
      }
      handled += notices;
    }
    return handled;
  }

  private void dispatchQuietly() {
    try {
      dispatchDue();
    } catch (RuntimeException e) {
      LOG.warn("Delivering notices failed; trying again in {}", settings.every(), e);
    }
  }

  /** Claims the next notice due and delivers it, a unit's e-mail with the others due to its mailbox; answers how many notices (0: none due). */
  private int deliverNext() {
    Date now = ClockUtil.getCurrentTime();
    List<Notice> due = jdbc.query(CLAIM, Notices.ROW, new Timestamp(now.getTime()));
    if (due.isEmpty()) {
      return 0;
    }
    List<Notice> notices = withTheUnitsOtherEmails(due.get(0), now);
    Notice message = notices.size() == 1 ? notices.get(0) : Notice.together(notices);
    DeliveryChannel channel = channels.get(message.channel());
    try {
      if (channel == null) {
        throw DeliveryFailure.permanent("没有发送渠道 " + message.channel());
      }
      channel.deliver(message);
      List<Long> ids = notices.stream().map(Notice::id).toList();
      jdbc.update("UPDATE jz_notice SET status = 'SENT', attempts = attempts + 1, delivered_at = ?, next_attempt_at = NULL, last_error = NULL"
          + " WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
          Stream.concat(Stream.of(new Timestamp(ClockUtil.getCurrentTime().getTime())), ids.stream()).toArray());
      LOG.info("Notice {} ({}) sent by {} to {}", ids.size() == 1 ? ids.get(0) : ids, message.kind(), message.channel(), masked(message));
    } catch (DeliveryFailure failure) {
      notices.forEach(notice -> failed(notice, failure.getMessage(), failure.permanent(), now));
    } catch (RuntimeException e) {
      notices.forEach(notice -> failed(notice, "发送出错：" + e.getClass().getSimpleName(), false, now));
      LOG.warn("Notice {} could not be delivered", notices.stream().map(Notice::id).toList(), e);
    }
    return notices.size();
  }

  /**
   * A unit's e-mail goes with the other units' e-mails due at once to the same mailbox (a unit's own, or one units share),
   * up to {@code together} in one message: after a deadline storm 效能督查办 gets one e-mail for many missed limits, not ten
   * thousand, and the outbox drains in as many deliveries. Notices to people go one by one.
   */
  private List<Notice> withTheUnitsOtherEmails(Notice first, Date now) {
    if (first.channel() != Notice.Channel.EMAIL || !Notice.UNIT.equals(first.recipientKind()) || settings.together() < 2) {
      return List.of(first);
    }
    List<Notice> notices = new ArrayList<>(List.of(first));
    notices.addAll(jdbc.query(CLAIM_UNIT_EMAILS, Notices.ROW, new Timestamp(now.getTime()), first.delivery().address(), first.id(),
        settings.together() - 1));
    return notices;
  }

  private void failed(Notice notice, String error, boolean permanent, Date now) {
    int attempts = notice.delivery().attempts() + 1;
    boolean givenUp = permanent || attempts >= settings.maxAttempts();
    Date next = givenUp ? null : new Date(now.getTime() + settings.retryAfter(attempts).toMillis());
    String reason = Notices.clip(PersonalData.maskMobilesIn(error), MAX_ERROR);
    jdbc.update("UPDATE jz_notice SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
        (givenUp ? Status.GIVEN_UP : Status.FAILED).name(), attempts, next == null ? null : new Timestamp(next.getTime()), reason, notice.id());
    if (givenUp) {
      LOG.warn("Notice {} ({}) by {} to {} given up after {} attempt(s): {}", notice.id(), notice.kind(), notice.channel(), masked(notice),
          attempts, reason);
    } else {
      LOG.info("Notice {} ({}) by {} to {} failed (attempt {}), next at {}: {}", notice.id(), notice.kind(), notice.channel(), masked(notice),
          attempts, next, reason);
    }
  }

  static String masked(Notice notice) {
    String address = notice.delivery().address();
    if (address == null) {
      return notice.recipient();
    }
    return notice.channel() == Notice.Channel.EMAIL ? PersonalData.maskEmail(address) : PersonalData.maskPhone(address);
  }
}
