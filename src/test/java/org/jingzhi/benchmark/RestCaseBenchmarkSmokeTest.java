package org.jingzhi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
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

  private static final Set<String> LOOP_COUNTERS =
      Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  Events events;

  @Test
  void oneCaseOfEachSideRunsToItsEndThroughTheRestApi() throws Exception {
    HistoryService history = engine.getHistoryService();
    RestCaseBenchmark.Client client = new RestCaseBenchmark.Client(port, "/engine-rest", true);
    String approved = client.jointApproval();
    String open = client.openJointApproval();
    long openCaseTimers = engine.getManagementService().createJobQuery().processInstanceId(open).timers().count();
    // its timers would fall due in the tests that move the engine's clock
    engine.getRuntimeService().deleteProcessInstance(open, "benchmark smoke test", true, true);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(approved).singleResult().getEndActivityId())
        .isEqualTo("endApproved");

    long endedEvents = history.createHistoricProcessInstanceQuery().processDefinitionKey("escalation-chain").finished().count();
    HistorySize.resolvedEvent(engine, events);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("escalation-chain").finished().count())
        .as("the event of the history-size run, closed").isEqualTo(endedEvents + 1);

    try (ConfigurableApplicationContext bare = BareEngineApplication.start("jdbc:h2:mem:jingzhi-bare;DB_CLOSE_DELAY=-1")) {
      ProcessEngine bareEngine = bare.getBean(ProcessEngine.class);
      RestCaseBenchmark.deployBare(bareEngine);
      RestCaseBenchmark.Client bareClient = new RestCaseBenchmark.Client(RestCaseBenchmark.port(bare), "/engine-rest/engine/bare", false);
      String ended = bareClient.bareCase();
      assertThat(bareEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(ended).singleResult().getEndTime())
          .isNotNull();

      BareModelWithCaseData.deploy(bareEngine);
      String withData = bareClient.caseWithData();
      assertThat(bareEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(withData).singleResult()
          .getEndActivityId()).isEqualTo("endApproved");
      assertThat(variablesOf(bareEngine.getHistoryService(), withData)).as("the same data as Jingzhi's case")
          .containsExactlyInAnyOrderElementsOf(variablesOf(history, approved))
          .hasSize(43);
      assertThat(bareEngine.getManagementService().createJobQuery().processInstanceId(bareClient.openCaseWithData()).timers().count())
          .as("an accepted case's timers as Jingzhi's: each review's reminder and limit, the case's limit").isEqualTo(openCaseTimers)
          .isEqualTo(9);
    }
  }

  /** Each variable the case held, by name and whether it was the case's own or a step's; not the engine's loop counters. */
  private static List<String> variablesOf(HistoryService history, String processInstanceId) {
    return history.createHistoricVariableInstanceQuery().processInstanceIdIn(processInstanceId).list().stream()
        .filter(variable -> !LOOP_COUNTERS.contains(variable.getName()))
        .map(variable -> variable.getName() + (variable.getExecutionId().equals(processInstanceId) ? "" : " (step)"))
        .toList();
  }
}
