package org.jingzhi.approval;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.engine.AsSystem;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.organization.UnitType;
import org.springframework.stereotype.Component;

/** The open review task of the logged-in user's department in a case: what a department's own requests act on. */
@Component
class ReviewsInProgress {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final CurrentUser currentUser;

  ReviewsInProgress(ProcessEngine engine, CurrentUser currentUser) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.currentUser = currentUser;
  }

  /** The caller's department's open review in the case, if it has one. */
  Optional<Review> ofCaller(String processInstanceId) {
    Set<String> departments = currentUser.unitsOfType(UnitType.DEPARTMENT);
    if (departments.isEmpty()) {
      return Optional.empty();
    }
    return AsSystem.call(identity, () -> tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("review")
        .taskCandidateGroupIn(departments.stream().toList()).list().stream().findFirst()
        .map(task -> new Review(task, (String) runtime.getVariable(task.getExecutionId(), "department"))));
  }

  /** A department's open review task and the department. */
  record Review(Task task, String department) {
  }
}
