package org.jingzhi.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Which running instance answers for a number when an administrator has started another under it. */
@IntegrationTest
class CaseHistoryTest {

  static final String KEY = "joint-approval";

  @Autowired
  ProcessEngine engine;

  @Test
  void theCaseRegisteredFirstAnswersWhileItRunsAndTheRestartThatContinuesItOnceItHasEnded() {
    String number = "LH-20990101-" + System.nanoTime() % 1_000_000;
    ProcessInstance original = repairStart(number, "原案件");
    ProcessInstance restart = repairStart(number, "管理员重启");

    assertThat(running(number)).as("the original while it runs").isEqualTo(original.getId());

    engine.getRuntimeService().deleteProcessInstance(original.getId(), "测试：原案件结束");
    assertThat(running(number)).as("the restart once the original has ended").isEqualTo(restart.getId());

    engine.getRuntimeService().deleteProcessInstance(restart.getId(), "测试：结束");
    assertThat(CaseHistory.running(engine.getHistoryService(), engine.getRuntimeService(), KEY, number)).as("none runs").isNull();
  }

  private String running(String number) {
    return CaseHistory.running(engine.getHistoryService(), engine.getRuntimeService(), KEY, number).getId();
  }

  /** An administrator's start under a number, straight at the issue step (no user logged in: no guard applies). */
  private ProcessInstance repairStart(String number, String projectName) {
    return engine.getRuntimeService().createProcessInstanceByKey(KEY).businessKey(number)
        .setVariables(Map.of("projectName", projectName, "caseDue", new Date(4_102_444_799_000L))).startBeforeActivity("issueResult").execute();
  }
}
