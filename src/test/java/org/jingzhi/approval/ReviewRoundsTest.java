package org.jingzhi.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.support.Clock;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A review round asks every department of the case first and, after a supplement, only those that asked for it — read
 * from the case's departments, not from a copy of them; cases of a model from before, whose collection is that copy
 * ({@code reviewDepartments}), keep it and run their rounds as before.
 */
@IntegrationTest
class ReviewRoundsTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;

  @AfterEach
  void tearDown() {
    Clock.reset();
  }

  @Test
  void theFirstRoundAsksTheCasesDepartmentsWithoutACopyAndTheSecondOnlyThoseThatAskedForASupplement() {
    ProcessInstance instance = supplementRound("轮次餐饮店开业");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("reviewDepartments").count()).isZero();
  }

  @Test
  void aCaseOfTheModelFromBeforeKeepsItsRoundsDepartmentsInTheirOwnVariable() throws IOException {
    DeploymentBuilder before = engine.getRepositoryService().createDeployment().name("joint-approval-before");
    before.addString("joint-approval.bpmn", Files.readString(Path.of("processes/joint-approval.bpmn"))
        .replace("${reviewRounds.departments(execution)}", "${reviewDepartments}"));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        before.addString(form.getFileName().toString(), Files.readString(form));
      }
    }
    String deployment = before.deploy().getId();
    try {
      ProcessInstance instance = supplementRound("旧模型轮次餐饮店开业");
      assertThat(engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId())
          .isEqualTo(deployment);
      assertThat(engine.getRuntimeService().getVariable(instance.getId(), "reviewDepartments")).isEqualTo(List.of("fire"));
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  /** A case in its second round, after fire asked for a supplement; answers it. */
  private ProcessInstance supplementRound(String project) {
    Clock.set(2026, 9, 23, 9, 0);
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", project);
    driver.accept(instance);
    assertThat(driver.reviewTasks(instance)).hasSize(4);
    driver.review(instance, "fire", "supplement", "缺少消防资料", "消防设施平面图");
    driver.approve(instance, "market", "ecology", "urban");
    driver.supplement(driver.caseNumber(instance), "消防设施平面图");
    assertThat(driver.reviewTasks(instance)).extracting(Task::getName).containsExactly("消防救援支队审查：" + project);
    return instance;
  }
}
