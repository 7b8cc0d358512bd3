package org.jingzhi.rates;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
  /** Events a round leaves out before it gives up until the next one. */
  static final int MAX_UNCOUNTABLE = 100;
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

  /**
   * Counts every ended event not counted with the current rules; answers how many it counted. A batch that cannot be
   * counted is counted event by event, and an event that cannot be counted is left out for the rest of the round
   * (logged; the rates count it from history), so it does not hold up the events after it.
   */
  public int countEnded() {
    String rules = settings.rules();
    Set<String> uncountable = new LinkedHashSet<>();
    int total = 0;
    List<String> batch;
    while (!(batch = counted.endedNotCounted(rules, BATCH, uncountable)).isEmpty()) {
      try {
        total += keep(batch, rules);
      } catch (DuplicateKeyException anotherNodeCounts) {
        LOG.info("Another node is counting the same ended events; this node leaves them to it until its next round");
        return total;
      } catch (RuntimeException batchFailed) {
        for (String event : batch) {
          try {
            total += keep(List.of(event), rules);
          } catch (DuplicateKeyException anotherNodeCounts) {
            return total;
          } catch (RuntimeException failed) {
            LOG.warn("Cannot count the rates of ended event {}; it is counted from history at each request", event, failed);
            uncountable.add(event);
          }
        }
        if (uncountable.size() >= MAX_UNCOUNTABLE) {
          return total;
        }
      }
    }
    return total;
  }

  /** Counts and keeps these events; an event gone from history in between (cleanup) is left out for this round. */
  private int keep(List<String> events, String rules) {
    List<EventShare> shares = history.events(events).stream()
        .map(event -> EventShare.of(new EventFacts(event, settings, ClockUtil.getCurrentTime()), organization)).toList();
    counted.keep(shares, rules);
    return shares.size();
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
