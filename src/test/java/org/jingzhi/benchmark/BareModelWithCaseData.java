package org.jingzhi.benchmark;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.jingzhi.benchmark.bare.BareEngineApplication;

/**
 * The restaurant-opening case's shape as a modeler would draw it for the bare engine without any Java: the same steps,
 * scopes, variables, timers and message events as {@code joint-approval}'s approved path, none of Jingzhi's additions.
 * What {@code joint-approval}'s delegates compute (the case number, the plan of reviews, the limits, the round's
 * conclusion) are output mappings of constants and dates here; each review writes its record into the case with an
 * expression listener. No authorization, grants, working-day clocks, notices, catalogue look-ups or operation log.
 *
 * <p>Its variables a case have {@code joint-approval}'s names and scopes, its JSON values as strings (43 a case;
 * {@code RestCaseBenchmarkSmokeTest} compares them): the application's six, the case's registration (4), the window's
 * answers in its step (2) and in the case (3, the missing materials empty), the plan (5), each review's department and
 * limit (2) and answers (2) in its scope and its record in the case (1), the conclusion (2) and the note (1); and
 * the engine's multi-instance counters. Unlike Jingzhi's, a step's answers are created empty when the step starts (input
 * parameters without a value) and updated when given: the bare engine's way of holding the same data. What history it
 * writes is the engine's setting ({@link BareEngineApplication.History}).
 */
final class BareModelWithCaseData {

  static final String KEY = "bare-joint-approval-data";
  /** The restaurant opening's departments, as the reviews' collection reads them. */
  private static final String DEPARTMENTS = String.join(",", JointApprovalBenchmark.DEPARTMENTS);

  private BareModelWithCaseData() {
  }

  static void deploy(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model()).enableDuplicateFiltering(true)
        .deploy();
  }

  static BpmnModelInstance model() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(180)
        .startEvent("submitted")
        .serviceTask("registerCase").camundaExpression("${true}")
        .camundaOutputParameter("caseNumber", "LH-${execution.processInstanceId}")
        .camundaOutputParameter("queryCode", "Q7K2M9PX")
        .camundaOutputParameter("matterName", "餐饮店开业一件事")
        .camundaOutputParameter("acceptanceDue", "${dateTime().plusDays(3).toDate()}")
        .userTask("windowAcceptance").camundaCandidateGroups("service-center").camundaDueDate("${acceptanceDue}")
        .camundaInputParameter("acceptance", "").camundaInputParameter("opinion", "")
        .camundaOutputParameter("acceptance", "${acceptance}")
        .camundaOutputParameter("acceptanceOpinion", "${opinion}")
        .camundaOutputParameter("acceptanceMissingMaterials", "")
        .exclusiveGateway("gwAcceptance")
        .condition("受理", "${acceptance == 'accepted'}")
        .serviceTask("planReview").camundaExpression("${true}")
        .camundaOutputParameter("departments", DEPARTMENTS)
        .camundaOutputParameter("remainingDays", "{\"market\":5,\"fire\":7,\"ecology\":3,\"urban\":3}")
        .camundaOutputParameter("reviewRound", "${1}")
        .camundaOutputParameter("acceptedAt", "${now()}")
        .camundaOutputParameter("caseDue", "${dateTime().plusDays(20).toDate()}")
        .subProcess("approvalStage").embeddedSubProcess()
        .startEvent("stageStart")
        .subProcess("departmentReview")
        .camundaInputParameter("department", "${departments.split(',')[loopCounter]}")
        .camundaInputParameter("reviewDue", "${caseDue}")
        .multiInstance().parallel().cardinality("${4}").<SubProcessBuilder>multiInstanceDone()
        .embeddedSubProcess()
        .startEvent("reviewStart")
        .userTask("review").camundaCandidateGroups("${department}").camundaDueDate("${reviewDue}")
        .camundaInputParameter("decision", "").camundaInputParameter("opinion", "")
        .camundaTaskListenerExpression("complete",
            "${task.execution.processInstance.setVariableLocal('review_'.concat(department), decision.concat('：').concat(opinion))}")
        .endEvent("reviewDone")
        .moveToActivity("review").boundaryEvent("reviewReminderTimer").cancelActivity(false).timerWithDate("${reviewDue}")
        .endEvent("reminderSent")
        .moveToActivity("review").boundaryEvent("reviewOverdueTimer").cancelActivity(false).timerWithDate("${reviewDue}")
        .endEvent("reviewOverdueRecorded")
        .moveToActivity("review").boundaryEvent("reviewExtensionRequested").cancelActivity(false).message("ReviewExtensionRequested")
        .userTask("approveReviewExtension").camundaCandidateGroups("${department}")
        .endEvent("reviewExtended")
        .subProcessDone()
        .serviceTask("concludeRound").camundaExpression("${true}")
        .camundaOutputParameter("reviewOutcome", "approved")
        .camundaOutputParameter("resultSummary", "联合审批结果：准予许可。")
        .exclusiveGateway("gwRound")
        .condition("准予", "${reviewOutcome == 'approved'}")
        .userTask("issueResult").camundaCandidateGroups("service-center").camundaDueDate("${caseDue}")
        .endEvent("stageDone")
        .moveToNode("gwRound").condition("不予", "${reviewOutcome != 'approved'}")
        .endEvent("stageRejected")
        .subProcessDone()
        .exclusiveGateway("gwStage")
        .condition("准予许可", "${reviewOutcome == 'approved'}")
        .endEvent("endApproved")
        .moveToNode("gwStage").condition("不予许可", "${reviewOutcome != 'approved'}")
        .endEvent("endRejected")
        .moveToNode("gwAcceptance").condition("不予受理", "${acceptance != 'accepted'}")
        .endEvent("endNotAccepted")
        .moveToActivity("windowAcceptance").boundaryEvent("windowOverdueTimer").cancelActivity(false).timerWithDate("${acceptanceDue}")
        .endEvent("acceptanceOverdueRecorded")
        .moveToActivity("approvalStage").boundaryEvent("caseOverdueTimer").cancelActivity(false).timerWithDate("${caseDue}")
        .endEvent("caseOverdueRecorded")
        .done();
    SubProcessBuilder stage = model.<org.camunda.bpm.model.bpmn.instance.SubProcess>getModelElementById("approvalStage").builder();
    stage.embeddedSubProcess().eventSubProcess("caseExtension")
        .startEvent("caseExtensionRequested").interrupting(false).message("CaseExtensionRequested")
        .userTask("approveCaseExtension").camundaCandidateGroups("service-center")
        .endEvent("caseExtended");
    terminate(model, "reviewDone");
    terminate(model, "stageDone");
    terminate(model, "stageRejected");
    Bpmn.validateModel(model);
    return model;
  }

  /** As {@code joint-approval}'s: a review's end ends its open extension; the stage's end ends its open case extension. */
  private static void terminate(BpmnModelInstance model, String endEvent) {
    model.<EndEvent>getModelElementById(endEvent).getEventDefinitions().add(model.newInstance(TerminateEventDefinition.class));
  }
}
