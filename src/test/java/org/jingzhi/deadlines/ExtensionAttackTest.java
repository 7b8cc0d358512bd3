package org.jingzhi.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine paths to extensions, tried as a clerk would through the engine REST API and the webapps' engine API: asking
 * by the model's message (no reason, no once-only) and completing the approval with variables its form does not own.
 */
@IntegrationTest
class ExtensionAttackTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;
  @Autowired
  Extensions extensions;

  @AfterEach
  void reset() {
    Clock.reset();
  }

  @Test
  void aClerkCannotAskByTheModelsMessageNorWriteWhatTheApprovalDoesNotOwn() {
    Clock.set(2026, 6, 15, 9, 0);
    JointApprovalDriver approval = new JointApprovalDriver(engine, approvals);
    ProcessInstance restaurant = approval.submit("restaurant-opening", "延期攻击店");
    approval.accept(restaurant);
    String execution = approval.reviewTask(restaurant, "fire").getExecutionId();

    for (EngineApi api : new EngineApi[] {EngineApi.rest(port), EngineApi.webapp(port)}) {
      Http.Response message = api.post("fire", "/message", "{\"messageName\": \"ReviewExtensionRequested\", \"processInstanceId\": \""
          + restaurant.getId() + "\"}");
      Http.Response trigger = api.post("fire", "/execution/" + execution + "/messageSubscriptions/ReviewExtensionRequested/trigger", "{}");
      assertThat(message.status()).as(api + " message").isBetween(400, 499);
      assertThat(trigger.status()).as(api + " trigger").isBetween(400, 499);
    }
    assertThat(approvalTask(restaurant)).as("no approval without a request through the API").isNull();

    assertThat(new Http(port).post("fire", "/api/joint-approvals/" + approval.caseNumber(restaurant) + "/extensions",
        "{\"reason\": \"需现场核查\"}").status()).isEqualTo(200);
    Task task = approvalTask(restaurant);
    for (EngineApi api : new EngineApi[] {EngineApi.rest(port), EngineApi.webapp(port)}) {
      Http.Response forged = api.post("fire-lead", "/task/" + task.getId() + "/complete", """
          {"variables": {"extensionDecision": {"value": "approved"}, "extensionOpinion": {"value": "同意"},
                         "extensionScope": {"value": "CASE"}, "reviewDue": {"value": "2099-01-01T00:00:00.000+0800", "type": "Date"}}}""");
      assertThat(forged.status()).as(api + " extra variables").isEqualTo(400);
    }
    assertThat(approvalTask(restaurant)).as("still open").isNotNull();
    assertThat(extensions.latest(restaurant.getId(), Extension.REVIEW, "fire").orElseThrow().status()).isEqualTo("REQUESTED");
    assertThat(approval.reviewTask(restaurant, "fire").getDueDate()).as("unchanged").isEqualTo(Clock.endOf(2026, 6, 25));  // 7 working days after 06-15: 端午 06-19..21

    Http.Response fair = EngineApi.rest(port).post("fire-lead", "/task/" + task.getId() + "/complete",
        "{\"variables\": {\"extensionDecision\": {\"value\": \"approved\"}, \"extensionOpinion\": {\"value\": \"同意\"}}}");
    assertThat(fair.status()).as(fair.body()).isEqualTo(204);
    assertThat(extensions.latest(restaurant.getId(), Extension.REVIEW, "fire").orElseThrow().status()).isEqualTo("APPROVED");
  }

  private Task approvalTask(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("approveReviewExtension")
        .singleResult();
  }
}
