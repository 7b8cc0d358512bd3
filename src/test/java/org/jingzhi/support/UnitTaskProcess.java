package org.jingzhi.support;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** A one-task process whose task goes to the unit named by the variable {@code unit}. For security tests. */
public final class UnitTaskProcess {

  public static final String KEY = "unit-task-fixture";

  private UnitTaskProcess() {
  }

  public static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(KEY)
        .name("测试：单位任务")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("handle").name("处置").camundaCandidateGroups("${unit}")
        .endEvent()
        .done();
  }

  /** Deploys the fixture (once) and starts a case for {@code unit}, without any user logged in. */
  public static String start(ProcessEngine engine, String unit) {
    engine.getIdentityService().clearAuthentication();
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      engine.getRepositoryService().createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model()).deploy();
    }
    return engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of("unit", unit)).getId();
  }
}
