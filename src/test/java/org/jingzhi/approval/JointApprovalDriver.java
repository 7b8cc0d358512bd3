package org.jingzhi.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.support.Users;

/** Drives joint-approval cases the way the clerks do, each step as the user who does it. */
public class JointApprovalDriver {

  static final String VALID_ID_NUMBER = "11010519491231002X";

  final ProcessEngine engine;
  final JointApprovals approvals;

  public JointApprovalDriver(ProcessEngine engine, JointApprovals approvals) {
    this.engine = engine;
    this.approvals = approvals;
  }

  static ApplicationRequest application(String matterType, String projectName) {
    return new ApplicationRequest(matterType, projectName,
        new ApplicationRequest.Applicant("张三", VALID_ID_NUMBER, null, "13800138000", null), List.of("营业执照申请书", "场地使用证明"));
  }

  /** The window submits an application through the API service; answers the process instance. */
  public ProcessInstance submit(String matterType, String projectName) {
    Users.actAs(engine.getIdentityService(), "window");
    try {
      Submission submission = approvals.submit(application(matterType, projectName));
      return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(submission.processInstanceId()).singleResult();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public Task windowTask(ProcessInstance instance, String activityId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).singleResult();
  }

  public Task reviewTask(ProcessInstance instance, String department) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("review")
        .taskCandidateGroup(department).includeAssignedTasks().singleResult();
  }

  public List<Task> reviewTasks(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("review")
        .orderByDueDate().asc().list();
  }

  public void accept(ProcessInstance instance) {
    complete("window", windowTask(instance, "windowAcceptance"), Map.of("acceptance", "accepted", "opinion", "材料齐全，予以受理"));
  }

  public void askForSupplementAtWindow(ProcessInstance instance, String missing) {
    complete("window", windowTask(instance, "windowAcceptance"), Map.of("acceptance", "supplement", "missingMaterials", missing));
  }

  public void review(ProcessInstance instance, String department, String decision, String opinion, String missing) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("decision", decision);
    variables.put("opinion", opinion);
    if (missing != null) {
      variables.put("missingMaterials", missing);
    }
    complete(department, reviewTask(instance, department), variables);
  }

  public void approve(ProcessInstance instance, String... departments) {
    for (String department : departments) {
      review(instance, department, "approved", "符合条件，同意", null);
    }
  }

  public void issueResult(ProcessInstance instance) {
    complete("window", windowTask(instance, "issueResult"), Map.of("issueNote", "已当面送达"));
  }

  public void supplement(String caseNumber, String... materials) {
    Users.actAs(engine.getIdentityService(), "window");
    try {
      approvals.supplement(caseNumber, new SupplementRequest(List.of(materials), "申请人到窗口补正"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Claims and completes as {@code user}, as Tasklist does. */
  public void complete(String user, Task task, Map<String, Object> variables) {
    Users.actAs(engine.getIdentityService(), user);
    try {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public List<Job> timers(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
        .orderByJobDuedate().asc().list();
  }

  /** A department's timer of a review activity ({@code reviewReminderTimer}, {@code reviewOverdueTimer}). */
  public Job departmentTimer(ProcessInstance instance, String activityId, String department) {
    return timers(instance, activityId).stream()
        .filter(job -> department.equals(engine.getRuntimeService().getVariable(job.getExecutionId(), "department"))).findFirst().orElseThrow();
  }

  public void fire(Job job) {
    engine.getManagementService().executeJob(job.getId());
  }

  public String caseNumber(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getBusinessKey();
  }
}
