package org.jingzhi.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

@IntegrationTest
class ModelDeploymentTest {

  @Autowired
  ProcessEngine engine;

  final ModelDeployment fixtures = new ModelDeployment(new PathMatchingResourcePatternResolver(), "classpath*:model-fixtures/");

  @Test
  void resourcesGetStableNamesFromTheirFolder() {
    assertThat(fixtures.modelResources()).containsOnlyKeys("processes/fixture.bpmn", "forms/fixture-form.form");
  }

  @Test
  void deployingUnchangedModelsAgainCreatesNoNewVersion() {
    engine.getIdentityService().clearAuthentication();
    Deployment first = fixtures.deploy(engine);
    long versions = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("deployment-fixture").count();

    Deployment second = fixtures.deploy(engine);

    assertThat(second.getId()).isEqualTo(first.getId());
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("deployment-fixture").count())
        .isEqualTo(versions);
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(first.getId()))
        .containsExactlyInAnyOrder("processes/fixture.bpmn", "forms/fixture-form.form");
  }

  @Test
  void theFormIsDeployedWithItsProcessAndFound() throws Exception {
    engine.getIdentityService().clearAuthentication();
    fixtures.deploy(engine);
    String processInstanceId = engine.getRuntimeService().startProcessInstanceByKey("deployment-fixture").getId();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();

    try (var form = engine.getFormService().getDeployedTaskForm(taskId)) {
      assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"id\": \"fixture-form\"");
    }
  }
}
