package org.jingzhi.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.support.Clock;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A step's answers (the form fields its model declares as its own) exist only once given, and then in the step's own
 * scope: parallel reviews never see or overwrite each other's, whichever way a client writes them, and a step that
 * starts where the case already holds an answer of the same name starts empty.
 */
@IntegrationTest
class StepAnswersTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;

  @AfterEach
  void tearDown() {
    Clock.reset();
  }

  @Test
  void aReviewsAnswersAreCreatedWhenGivenInItsOwnScope() {
    Clock.set(2026, 9, 22, 9, 0);
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", "作答餐饮店开业");
    driver.accept(instance);
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    Task market = driver.reviewTask(instance, "market");
    Task fire = driver.reviewTask(instance, "fire");
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
        .variableNameIn("decision", "opinion", "missingMaterials").count()).as("no answer before one is given").isZero();

    tasks.setVariable(market.getId(), "opinion", "草稿：消防意见待定");
    assertThat(runtime.getVariablesLocal(market.getExecutionId())).containsEntry("opinion", "草稿：消防意见待定");
    assertThat(tasks.getVariable(fire.getId(), "opinion")).as("the fire review does not see the market's draft").isNull();
    assertThat(runtime.getVariable(instance.getId(), "opinion")).as("nor does the case").isNull();

    tasks.setVariables(fire.getId(), Map.of("opinion", "消防通道需整改"));
    driver.review(instance, "fire", "supplement", "消防通道需整改", "消防设计审查意见书");
    driver.review(instance, "market", "approved", "同意", null);
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
        .variableNameIn("decision", "opinion", "missingMaterials").count()).as("answers end with their reviews").isZero();
    assertThat(runtime.getVariable(instance.getId(), "review_fire")).asInstanceOf(MAP).containsEntry("decision", "supplement")
        .containsEntry("opinion", "消防通道需整改");
    assertThat(runtime.getVariable(instance.getId(), "review_market")).asInstanceOf(MAP).containsEntry("decision", "approved")
        .containsEntry("opinion", "同意");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("missingMaterials").list()).as("the one review that named missing materials")
        .extracting(variable -> variable.getValue()).containsExactly("消防设计审查意见书");
  }

  @Test
  void aSecondAcceptanceStartsEmptyWhereTheCaseHoldsTheFirstOnesAnswer() {
    Clock.set(2026, 9, 22, 9, 0);
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", "二次受理餐饮店开业");
    driver.askForSupplementAtWindow(instance, "场地使用证明");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "acceptanceMissingMaterials")).isEqualTo("场地使用证明");
    driver.supplement(driver.caseNumber(instance), "场地使用证明");

    Task second = driver.windowTask(instance, "windowAcceptance");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "acceptance")).isEqualTo("supplement");
    assertThat(engine.getTaskService().getVariable(second.getId(), "acceptance")).as("the second acceptance's own, empty").isNull();
    assertThat(engine.getTaskService().getVariable(second.getId(), "opinion")).isNull();

    driver.accept(instance);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "acceptance")).isEqualTo("accepted");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "acceptanceMissingMaterials"))
        .as("an answer not given maps out as empty").isNull();
  }

  @Test
  void aStepEndedWithoutAnswersMapsThemOutEmpty() {
    Clock.set(2026, 9, 22, 9, 0);
    ProcessInstance instance = new JointApprovalDriver(engine, approvals).submit("restaurant-opening", "未答撤销餐饮店开业");
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "申请人撤回");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("acceptanceOpinion").singleResult().getValue()).as("the window's output mapping ran, with nothing answered")
        .isNull();
  }

  @Test
  void aCompletionTheEngineRefusesLeavesNoAnswerBehind() {
    Clock.set(2026, 9, 22, 9, 0);
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", "越权作答餐饮店开业");
    driver.accept(instance);
    Task market = driver.reviewTask(instance, "market");

    Users.actAs(engine.getIdentityService(), "fire");
    try {
      assertThatThrownBy(() -> engine.getTaskService().complete(market.getId(), Map.of("decision", "rejected", "opinion", "消防代为否决")))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId())
        .variableNameIn("decision", "opinion").count()).as("the answers made ready before the engine's check went with it").isZero();
    assertThat(driver.reviewTask(instance, "market")).isNotNull();
  }
}
