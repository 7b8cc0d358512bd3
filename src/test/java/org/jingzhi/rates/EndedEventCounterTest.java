package org.jingzhi.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EventSteps;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Counting the rates of ended events: once per event, open events never, and two nodes counting at once keep each event once. */
@IntegrationTest
class EndedEventCounterTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  Events events;
  @Autowired
  EndedEventCounter counter;
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void anEventIsCountedOnceItHasEndedAndNeverAgain() {
    EventSteps steps = new EventSteps(engine, events);
    Clock.set(2026, 3, 16, 9, 0);
    ReportedEvent event = steps.report("noise", "990101001002");
    counter.countEnded();
    assertThat(kept(event)).as("open: counted at each request, not kept").isZero();

    end(steps, event);
    assertThat(counter.countEnded()).isPositive();
    assertThat(kept(event)).isEqualTo(1);
    assertThat(counter.countEnded()).as("nothing left to count").isZero();
  }

  @Test
  void twoNodesCountingAtOnceKeepEachEventOnce() throws Exception {
    EventSteps steps = new EventSteps(engine, events);
    for (int i = 0; i < 3; i++) {
      Clock.set(2026, 3, 16, 9, i);
      end(steps, steps.report("noise", "990101001002"));
    }
    jdbc.update("DELETE FROM jz_rate_event");
    int ended = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'escalation-chain' AND END_TIME_ IS NOT NULL",
        Integer.class);
    CyclicBarrier together = new CyclicBarrier(2);
    Callable<Integer> node = () -> {
      together.await();
      return counter.countEnded();
    };
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> counts = nodes.invokeAll(List.of(node, node));
      for (Future<Integer> count : counts) {
        count.get();
      }
    } finally {
      nodes.shutdown();
    }
    counter.countEnded();

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jz_rate_event", Integer.class)).isEqualTo(ended);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jz_rate_share WHERE group_by = 'total'", Integer.class)).isEqualTo(ended);
  }

  /** Found in review: one event that could not be counted failed its batch in every round, and no later event was counted. */
  @Test
  void anEventThatCannotBeCountedHoldsUpNoOther() {
    EventSteps steps = new EventSteps(engine, events);
    Clock.set(2026, 3, 23, 9, 0);
    ReportedEvent broken = steps.report("noise", "990101001002");
    end(steps, broken);
    ReportedEvent sound = steps.report("noise", "990101001002");
    end(steps, sound);
    jdbc.update("DELETE FROM jz_rate_event");
    jdbc.update("UPDATE ACT_HI_VARINST SET VAR_TYPE_ = 'string', TEXT_ = 'not a date' WHERE ROOT_PROC_INST_ID_ = ? AND NAME_ = 'levelDue'",
        broken.processInstanceId());
    try {
      counter.countEnded();

      assertThat(kept(sound)).isEqualTo(1);
      assertThat(kept(broken)).isZero();
    } finally {
      jdbc.update("UPDATE ACT_HI_VARINST SET VAR_TYPE_ = 'date', TEXT_ = NULL WHERE ROOT_PROC_INST_ID_ = ? AND NAME_ = 'levelDue'",
          broken.processInstanceId());
    }
  }

  private static void end(EventSteps steps, ReportedEvent event) {
    Clock.set(2026, 3, 16, 10, 0);
    steps.complete("hetang", steps.handle(event), Map.of("action", "resolve", "note", "已调解"));
    Clock.set(2026, 3, 17, 10, 0);
    steps.visit(event, "satisfied", "yes");
  }

  private int kept(ReportedEvent event) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM jz_rate_share WHERE group_by = 'total' AND event_id = ?", Integer.class,
        event.processInstanceId());
  }
}
