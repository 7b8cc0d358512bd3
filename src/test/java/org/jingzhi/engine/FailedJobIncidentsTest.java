package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.support.EngineStatements;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deleted job takes its failed-job incident with it, and is deleted without a look-up for incidents where its
 * execution holds none.
 */
@IntegrationTest
class FailedJobIncidentsTest {

  /** The engine's look-up, on deleting a job, for the incidents named after it. */
  private static final String INCIDENTS_OF_THE_JOB = "selectIncidentsByConfiguration";
  private static final String PROCESS = "failed-job-incidents-fixture";
  private static final String ASYNCHRONOUS = "failed-job-incidents-async-fixture";

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;

  @BeforeEach
  void deployTheFixture() {
    engine.getIdentityService().clearAuthentication();
    engine.getRepositoryService().createDeployment().name(PROCESS)
        .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent().userTask("waiting").boundaryEvent("limit").timerWithDuration("PT1H").endEvent("late")
            .moveToActivity("waiting").endEvent().done())
        .addModelInstance(ASYNCHRONOUS + ".bpmn", Bpmn.createExecutableProcess(ASYNCHRONOUS).camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("asynchronous").camundaAsyncBefore().camundaExpression("${true}").userTask("other").endEvent().done())
        .enableDuplicateFiltering(true).deploy();
  }

  @Test
  void aReviewEndsWithItsTimersAndNoLookUpForTheirIncidents() {
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", "计时器删除餐饮店");
    driver.accept(instance);
    long timersBefore = timers(instance);

    int lookups = EngineStatements.selects(engine, INCIDENTS_OF_THE_JOB,
        () -> driver.review(instance, "fire", "approved", "消防通道畅通", null));

    assertThat(timersBefore - timers(instance)).as("the fire review's reminder and limit went with it").isEqualTo(2);
    assertThat(lookups).as("look-ups for incidents of the deleted timers").isZero();
  }

  @Test
  void aHealthyTimerDeletedByHandIsDeletedWithoutALookUp() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS);
    Job timer = timer(instance);

    int lookups = EngineStatements.selects(engine, INCIDENTS_OF_THE_JOB, () -> engine.getManagementService().deleteJob(timer.getId()));

    assertThat(timers(instance)).isZero();
    assertThat(lookups).as("look-ups for incidents of a timer that never failed").isZero();
  }

  @Test
  void aJobMovedToAConcurrentPathTakesTheIncidentItLeftOnTheScopeWithIt() {
    RuntimeService runtime = engine.getRuntimeService();
    ManagementService management = engine.getManagementService();
    ProcessInstance instance = runtime.startProcessInstanceByKey(ASYNCHRONOUS);
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    management.setJobRetries(job.getId(), 0);
    // a second path in the same scope: the waiting job moves to a new concurrent execution, its incident stays
    runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity("other").execute();
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getExecutionId()).as("the job moved")
        .isNotEqualTo(runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult().getExecutionId());

    management.deleteJob(job.getId());

    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).as("the deleted job's incident").isZero();
  }

  @Test
  void aTimerWhoseRetriesRanOutStillHasItsIncidentRemovedWhenItsStepEnds() {
    RuntimeService runtime = engine.getRuntimeService();
    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS);
    Job timer = timer(instance);
    engine.getManagementService().setJobRetries(timer.getId(), 0);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).as("the failed timer's incident").isEqualTo(1);

    int lookups = EngineStatements.selects(engine, INCIDENTS_OF_THE_JOB, () -> engine.getTaskService()
        .complete(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId()));

    assertThat(lookups).as("the engine's look-up, the execution holding an incident").isEqualTo(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).as("incidents left").isZero();
    HistoricIncident history = engine.getHistoryService().createHistoricIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(history.isOpen()).as("the incident's history is closed").isFalse();
  }

  @Test
  void aTimerWhoseRetriesRanOutTakesItsIncidentWithItWhenDeletedByHand() {
    RuntimeService runtime = engine.getRuntimeService();
    ManagementService management = engine.getManagementService();
    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS);
    Job timer = timer(instance);
    management.setJobRetries(timer.getId(), 0);

    management.deleteJob(timer.getId());

    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count())
        .as("the deleted timer's incident, its step still waiting").isZero();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
  }

  private Job timer(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
  }

  private long timers(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().count();
  }
}
