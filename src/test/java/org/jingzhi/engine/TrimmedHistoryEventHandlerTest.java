package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.supervision.OverdueRecords;
import org.jingzhi.supervision.OverdueSupervision;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EngineStatements;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What history keeps of a case and what it no longer writes: no detail row per variable change, no job log of timers
 * created and deleted, no history of the engine's multi-instance counters, none of a form's field left empty and none of a gateway or a subprocess's start, while every variable's final value, each department's decision and opinion, who completed which
 * task, and a fired timer's success stay. That the trail, the rates and the views need nothing more is what their own
 * tests show (CaseTrailTest, RatesApiTest, JointApprovalApiTest, …), unchanged.
 */
@IntegrationTest
class TrimmedHistoryEventHandlerTest {

  /** The engine's look-up of a variable's history row before it updates it. */
  private static final String HISTORIC_VARIABLE = "selectHistoricVariableInstance";

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;
  @Autowired
  OverdueRecords overdueRecords;

  @AfterEach
  void tearDown() {
    Clock.reset();
  }

  @Test
  void aCaseKeepsItsDecisionsAndWhoMadeThemButNoVariableDetailCancelledTimerLogOrCounters() {
    Clock.set(2026, 9, 18, 9, 0);
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", "历史裁剪餐饮店开业");
    driver.accept(instance);
    Job marketReminder = driver.departmentTimer(instance, "reviewReminderTimer", "market");
    Clock.set(marketReminder.getDuedate());
    driver.fire(marketReminder);
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId())
        .variableName("nrOfActiveInstances").singleResult().getValue()).as("the engine's count of open reviews, in the runtime")
        .isEqualTo(4);
    driver.review(instance, "fire", "approved", "消防通道畅通", null);
    driver.approve(instance, "market", "ecology", "urban");
    engine.getRuntimeService().setVariable(instance.getId(), "loopCounter", 7);
    driver.issueResult(instance);

    assertThat(engine.getProcessEngineConfiguration().getHistory()).as("the level existing databases hold").isEqualTo("full");
    HistoryService history = engine.getHistoryService();
    String id = instance.getId();
    assertThat(history.createHistoricDetailQuery().processInstanceId(id).variableUpdates().count()).as("variable detail").isZero();
    HistoricVariableInstance fire = history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("review_fire")
        .singleResult();
    assertThat(fire.getValue().toString()).contains("approved").contains("消防通道畅通");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("caseNumber").singleResult().getValue())
        .isEqualTo(driver.caseNumber(instance));
    assertThat(history.createUserOperationLogQuery().processInstanceId(id).operationType("Complete").list())
        .extracting(entry -> entry.getUserId()).contains("window", "fire", "market");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(id).finished().count()).isEqualTo(6);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableNameIn("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances").count())
        .as("history under the counters' names: only the case's own variable").isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("loopCounter").singleResult())
        .as("a variable of the case itself under a counter's name keeps its history")
        .extracting(HistoricVariableInstance::getActivityInstanceId, HistoricVariableInstance::getValue).containsExactly(id, 7);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("decision").list())
        .as("each review's decision, written when given").extracting(HistoricVariableInstance::getValue)
        .containsExactlyInAnyOrder("approved", "approved", "approved", "approved");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("missingMaterials").count())
        .as("no step named missing materials: the empty fields left no rows").isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("acceptanceMissingMaterials").list())
        .as("the case's own empty variable keeps its row, for a restart from history").extracting(HistoricVariableInstance::getValue)
        .containsExactly((Object) null);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("department").count())
        .as("each review's department, the collection's element").isEqualTo(4);

    assertThat(history.createHistoricJobLogQuery().processInstanceId(id).creationLog().count()).as("timers created").isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(id).deletionLog().count()).as("timers deleted unfired").isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(id).successLog().list()).extracting(HistoricJobLog::getJobId)
        .containsExactly(marketReminder.getId());
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId("reviewReminderTimer").count()).isEqualTo(1);

    List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery().processInstanceId(id).list();
    assertThat(steps).extracting(HistoricActivityInstance::getActivityType).as("no passage through a gateway")
        .noneMatch(type -> type.endsWith("Gateway"));
    assertThat(steps).filteredOn(step -> step.getActivityType().equals("startEvent")).as("the submission, not the subprocesses' starts")
        .extracting(HistoricActivityInstance::getActivityId).containsExactly("submitted");
    assertThat(steps).filteredOn(HistoricActivityInstance::getActivityId, "review").as("the reviews, each ended")
        .hasSize(4).allSatisfy(review -> assertThat(review.getEndTime()).isNotNull());
    assertThat(steps).extracting(HistoricActivityInstance::getActivityId).as("the scopes the reviews ran in and the case's end")
        .contains("approvalStage", "departmentReview#multiInstanceBody", "departmentReview", "concludeRound", "issueResult",
            "reviewDone", "endApproved");
  }

  @Test
  void aMissedLimitIsInItsOverdueRecordAndTheActivityHistoryNotInTheStepsInputs() {
    Clock.set(2026, 9, 18, 9, 0);
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", "超期输入餐饮店开业");
    driver.accept(instance);
    Job marketLimit = driver.departmentTimer(instance, "reviewOverdueTimer", "market");
    Clock.set(new Date(marketLimit.getDuedate().getTime() + 60_000));
    driver.fire(marketLimit);

    HistoryService history = engine.getHistoryService();
    assertThat(overdueRecords.ofCase(driver.caseNumber(instance))).as("what the step's inputs said").singleElement()
        .satisfies(miss -> {
          assertThat(miss.unit()).isEqualTo("market");
          assertThat(miss.subject()).isEqualTo("市场监管局审查：超期输入餐饮店开业");
          assertThat(miss.dueAt()).isEqualTo(marketLimit.getDuedate());
        });
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId("markReviewOverdue")
        .finished().count()).as("the step, in the activity history").isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableNameIn(OverdueSupervision.INPUTS.toArray(String[]::new)).count()).as("no rows of the step's inputs").isZero();

    String supervision = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("supervision")
        .processInstanceBusinessKey(driver.caseNumber(instance)).singleResult().getId();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(supervision).variableNameIn("overdueUnit", "overdueDue")
        .list()).as("the supervision case's own variable of one of those names keeps its history; the due date is in the record")
        .extracting(HistoricVariableInstance::getValue).containsExactly("market");
  }

  @Test
  void aStepsAnswersGetTheirRowsWithoutALookUpWhileTheCasesOwnVariablesAreUpdatedAsBefore() {
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", "答复历史餐饮店开业");
    String id = instance.getId();

    int acceptance = EngineStatements.selects(engine, HISTORIC_VARIABLE, () -> driver.accept(instance));
    int review = EngineStatements.selects(engine, HISTORIC_VARIABLE,
        () -> driver.review(instance, "fire", "approved", "消防通道畅通", null));
    int rename = EngineStatements.selects(engine, HISTORIC_VARIABLE,
        () -> engine.getRuntimeService().setVariable(id, "projectName", "答复历史餐饮店开业（更名）"));

    assertThat(acceptance).as("look-ups for the rows of the window's answers").isZero();
    assertThat(review).as("look-ups for the rows of the fire review's answers").isZero();
    HistoryService history = engine.getHistoryService();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableNameIn("acceptance", "decision").list())
        .as("each answer has its row in its step, the window's also in the case, with the case's removal time")
        .extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, HistoricVariableInstance::getState)
        .containsExactlyInAnyOrder(tuple("acceptance", "accepted", "CREATED"), tuple("acceptance", "accepted", "CREATED"),
            tuple("decision", "approved", "CREATED"));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableNameIn("acceptance", "decision").list())
        .allSatisfy(answer -> assertThat(answer.getRemovalTime()).isNotNull());
    assertThat(rename).as("the case's own variable, written before: the engine finds its row").isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("projectName").singleResult()
        .getValue()).isEqualTo("答复历史餐饮店开业（更名）");
  }
}
