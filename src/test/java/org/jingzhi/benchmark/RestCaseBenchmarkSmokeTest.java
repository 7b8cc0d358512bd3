package org.jingzhi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.benchmark.bare.BareEngineApplication;
import org.jingzhi.escalation.Events;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The REST benchmark's calls work: one case of each side, the platform's through its guards and logins, and the event the
 * history size is measured on. Measures nothing.
 */
@IntegrationTest
class RestCaseBenchmarkSmokeTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  Events events;

  @Test
  void oneCaseOfEachSideRunsToItsEndThroughTheRestApi() throws Exception {
    HistoryService history = engine.getHistoryService();
    String approved = new RestCaseBenchmark.Client(port, "/engine-rest", true).jointApproval();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(approved).singleResult().getEndActivityId())
        .isEqualTo("endApproved");

    long endedEvents = history.createHistoricProcessInstanceQuery().processDefinitionKey("escalation-chain").finished().count();
    HistorySize.resolvedEvent(engine, events);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("escalation-chain").finished().count())
        .as("the event of the history-size run, closed").isEqualTo(endedEvents + 1);

    try (ConfigurableApplicationContext bare = BareEngineApplication.start("jdbc:h2:mem:jingzhi-bare;DB_CLOSE_DELAY=-1")) {
      ProcessEngine bareEngine = bare.getBean(ProcessEngine.class);
      RestCaseBenchmark.deployBare(bareEngine);
      String ended = new RestCaseBenchmark.Client(RestCaseBenchmark.port(bare), "/engine-rest/engine/bare", false).bareCase();
      assertThat(bareEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(ended).singleResult().getEndTime())
          .isNotNull();
    }
  }
}
