package org.jingzhi.notice;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
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

  /** Delivers what is due now, up to a batch; returns how many notices it handled (sent, failed or given up). */
  public int dispatchDue() {
    int handled = 0;
    while (handled < settings.batch() && Boolean.TRUE.equals(transaction.execute(status -> deliverNext()))) {
      handled++;
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

  private boolean deliverNext() {
    Date now = ClockUtil.getCurrentTime();
    List<Notice> due = jdbc.query(CLAIM, Notices.ROW, new Timestamp(now.getTime()));
    if (due.isEmpty()) {
      return false;
    }
    Notice notice = due.get(0);
    DeliveryChannel channel = channels.get(notice.channel());
    try {
      if (channel == null) {
        throw DeliveryFailure.permanent("没有发送渠道 " + notice.channel());
      }
      channel.deliver(notice);
      jdbc.update("UPDATE jz_notice SET status = 'SENT', attempts = attempts + 1, delivered_at = ?, next_attempt_at = NULL, last_error = NULL"
          + " WHERE id = ?", new Timestamp(ClockUtil.getCurrentTime().getTime()), notice.id());
      LOG.info("Notice {} ({}) sent by {} to {}", notice.id(), notice.kind(), notice.channel(), masked(notice));
    } catch (DeliveryFailure failure) {
      failed(notice, failure.getMessage(), failure.permanent(), now);
    } catch (RuntimeException e) {
      failed(notice, "发送出错：" + e.getClass().getSimpleName(), false, now);
      LOG.warn("Notice {} could not be delivered", notice.id(), e);
    }
    return true;
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
