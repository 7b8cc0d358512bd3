package org.jingzhi.rates;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.organization.Organization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Counts what every ended event adds to the rates and keeps it ({@link CountedEvents}), in batches, every
 * {@code jingzhi.rates.count-ended-every}: after an upgrade the first rounds count the whole history once. Safe
 * on several nodes: a batch another node is keeping at the same moment is left to it.
 */
@Component
public class EndedEventCounter {

  static final int BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(EndedEventCounter.class);

  private final EventHistory history;
  private final CountedEvents counted;
  private final RateSettings settings;
  private final Organization organization;
  private ScheduledExecutorService schedule;

  EndedEventCounter(EventHistory history, CountedEvents counted, RateSettings settings, Organization organization) {
    this.history = history;
    this.counted = counted;
    this.settings = settings;
    this.organization = organization;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    Duration every = settings.getCountEndedEvery();
    if (every.isZero() || every.isNegative()) {
      return;
    }
    schedule = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "rates-counter");
      thread.setDaemon(true);
      return thread;
    });
    schedule.scheduleWithFixedDelay(this::countQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.shutdownNow();
    }
  }

  /** Counts every ended event not counted with the current rules; answers how many it counted. */
  public int countEnded() {
    String rules = settings.rules();
    int total = 0;
    List<String> batch;
    while (!(batch = counted.endedNotCounted(rules, BATCH)).isEmpty()) {
      List<EventShare> shares = history.events(batch).stream()
          .map(event -> EventShare.of(new EventFacts(event, settings, ClockUtil.getCurrentTime()), organization)).toList();
      try {
        counted.keep(shares, rules);
      } catch (DuplicateKeyException anotherNodeCounts) {
        LOG.info("Another node is counting the same ended events; this node leaves them to it until its next round");
        return total;
      }
      total += shares.size();
      if (shares.size() < batch.size()) {
        return total; // some vanished from history in between (cleanup): not counted again and again in this round
      }
    }
    return total;
  }

  private void countQuietly() {
    try {
      int events = countEnded();
      if (events > 0) {
        LOG.info("Counted the rates of {} ended events", events);
      }
    } catch (RuntimeException e) {
      LOG.warn("Counting the rates of ended events failed; the rates count them from history until the next round", e);
    }
  }
}
