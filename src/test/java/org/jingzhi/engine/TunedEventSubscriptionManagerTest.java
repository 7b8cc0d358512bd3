package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.support.EngineStatements;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A message subscription goes without the engine's look-up for jobs that deliver an event later, which only an
 * asynchronous signal makes; a signal subscription still takes its pending jobs with it.
 */
@IntegrationTest
class TunedEventSubscriptionManagerTest {

  /** The engine's look-up, on deleting a subscription, for the jobs that deliver its event later. */
  private static final String PENDING_EVENT_JOBS = "selectJobsByConfiguration";
  private static final String SIGNAL = "jz-fixture-signal";
  private static final String MESSAGE = "jz-fixture-message";

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;

  @Test
  void aReviewEndsWithItsExtensionRequestSubscriptionAndNoLookUpForJobs() {
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", "订阅删除餐饮店");
    driver.accept(instance);
    long before = extensionRequestSubscriptions(instance);

    int lookups = EngineStatements.selects(engine, PENDING_EVENT_JOBS,
        () -> driver.review(instance, "fire", "approved", "消防通道畅通", null));

    assertThat(before).as("each of the four reviews can be asked for an extension").isEqualTo(4);
    assertThat(extensionRequestSubscriptions(instance)).as("the fire review's subscription went with it").isEqualTo(3);
    assertThat(lookups).as("look-ups for jobs of a message subscription").isZero();
  }

  @Test
  void aSignalSubscriptionStillTakesTheJobOfAnAsynchronousSignalWithItWhenAMessageWinsTheRace() {
    engine.getIdentityService().clearAuthentication();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("signal-or-message-fixture.bpmn", Bpmn.createExecutableProcess("signal-or-message-fixture")
            .camundaHistoryTimeToLive(1).startEvent().eventBasedGateway()
            .intermediateCatchEvent("signalled").signal(SIGNAL).endEvent()
            .moveToLastGateway().intermediateCatchEvent("messaged").message(MESSAGE).userTask("afterMessage").endEvent().done())
        .addModelInstance("signal-throw-fixture.bpmn", asynchronousThrow())
        .deploy();
    RuntimeService runtime = engine.getRuntimeService();
    ProcessInstance catching = runtime.startProcessInstanceByKey("signal-or-message-fixture");
    runtime.startProcessInstanceByKey("signal-throw-fixture");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(catching.getId()).count())
        .as("the signal waits in a job to be delivered").isEqualTo(1);

    int lookups = EngineStatements.selects(engine, PENDING_EVENT_JOBS,
        () -> runtime.createMessageCorrelation(MESSAGE).processInstanceId(catching.getId()).correlate());

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(catching.getId()).singleResult().getTaskDefinitionKey())
        .as("the case goes on after the message").isEqualTo("afterMessage");
    assertThat(lookups).as("the signal subscription's look-up for its pending jobs").isEqualTo(1);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(catching.getId()).count())
        .as("the signal's job went with its subscription").isZero();
  }

  private static BpmnModelInstance asynchronousThrow() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("signal-throw-fixture").camundaHistoryTimeToLive(1)
        .startEvent().intermediateThrowEvent("thrown").signal(SIGNAL).endEvent().done();
    model.getModelElementsByType(SignalEventDefinition.class).forEach(thrown -> thrown.setCamundaAsync(true));
    return model;
  }

  private long extensionRequestSubscriptions(ProcessInstance instance) {
    return engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventType("message").eventName("ReviewExtensionRequested").count();
  }
}
