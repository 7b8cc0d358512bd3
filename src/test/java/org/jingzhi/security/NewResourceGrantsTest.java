package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.support.EngineStatements;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task or case created in a command gets its units' grants without the engine's look-up of a grant to extend, which
 * could find none; a unit's grant on a case that was there before is still found, not added again, and so is a grant made
 * beforehand for a standalone task's chosen id (README 「Database work per case」).
 */
@IntegrationTest
class NewResourceGrantsTest {

  private static final String GRANT_LOOKUP = "selectAuthorizationByParameters";

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;

  @Test
  void aNewCaseAndItsFirstTaskGetTheirUnitsGrantsWithoutLookingForGrantsThatCannotExistYet() {
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    AtomicReference<ProcessInstance> submitted = new AtomicReference<>();

    int lookups = EngineStatements.selects(engine, GRANT_LOOKUP, () -> submitted.set(driver.submit("restaurant-opening", "新建授权餐饮店")));

    ProcessInstance instance = submitted.get();
    Task acceptance = driver.windowTask(instance, "windowAcceptance");
    List<String> units = candidateGroupsOf(acceptance);
    assertThat(units).isNotEmpty();
    assertThat(lookups).as("the case and its task are new in the submission's command").isZero();
    for (String unit : units) {
      assertThat(grantsOf(unit, acceptance.getId(), instance.getId())).extracting(Authorization::getResourceType)
          .as("one grant each on the task, its history, the case and its history")
          .containsExactlyInAnyOrder(Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType(),
              Resources.PROCESS_INSTANCE.resourceType(), Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
    }
  }

  @Test
  void reviewsOpenedInAnExistingCaseStillLookForTheirUnitsGrantOnTheCaseAndAUnitsNextTaskAddsNoSecondGrantOnTheCase() {
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", "已有案件授权餐饮店");
    List<String> windowUnits = candidateGroupsOf(driver.windowTask(instance, "windowAcceptance"));

    int lookups = EngineStatements.selects(engine, GRANT_LOOKUP, () -> driver.accept(instance));

    List<Task> reviews = driver.reviewTasks(instance);
    assertThat(reviews).isNotEmpty();
    assertThat(lookups).as("each review's new task asks nothing; its unit's grant on the case and on its history may exist")
        .isEqualTo(2 * reviews.size());
    for (Task review : reviews) {
      for (String unit : candidateGroupsOf(review)) {
        assertThat(grantsOf(unit, review.getId(), instance.getId())).hasSize(4);
      }
    }

    driver.approve(instance, reviews.stream().flatMap(review -> candidateGroupsOf(review).stream()).toArray(String[]::new));

    Task issue = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(candidateGroupsOf(issue)).as("the window works on the case again").containsAnyElementsOf(windowUnits);
    for (String unit : candidateGroupsOf(issue)) {
      assertThat(grantsOf(unit, instance.getId(), instance.getId())).extracting(Authorization::getResourceType)
          .as("the unit's one grant on the case and one on its history, none added beside them")
          .containsExactlyInAnyOrder(Resources.PROCESS_INSTANCE.resourceType(), Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
    }
  }

  /**
   * A standalone task's id may be chosen by the client ({@code TaskService.newTask(id)}, {@code POST /engine-rest/task/create}
   * with an id), and an administrator may have granted on that id before: the look-up must still find that grant, or the
   * task's own grant would be inserted beside it and the unique key would refuse the whole command.
   */
  @Test
  void aTaskCreatedWithAChosenIdExtendsTheGrantAnAdministratorMadeForThatIdBeforehand() {
    String taskId = "chosen-" + UUID.randomUUID();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization earlier = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    earlier.setUserId("market");
    earlier.setResource(Resources.TASK);
    earlier.setResourceId(taskId);
    earlier.addPermission(Permissions.READ);
    authorizations.saveAuthorization(earlier);
    try {
      Task task = engine.getTaskService().newTask(taskId);
      task.setName("自定编号的独立任务");
      task.setAssignee("market");

      int lookups = EngineStatements.selects(engine, GRANT_LOOKUP, () -> engine.getTaskService().saveTask(task));

      assertThat(lookups).as("a chosen id may name grants made before the task").isPositive();
      List<Authorization> grants = authorizations.createAuthorizationQuery().userIdIn("market").resourceType(Resources.TASK)
          .resourceId(taskId).list();
      assertThat(grants).hasSize(1);
      assertThat(grants.get(0).getId()).as("the administrator's grant, extended").isEqualTo(earlier.getId());
      assertThat(grants.get(0).isPermissionGranted(TaskPermissions.TASK_WORK)).as("the assignee's work on it added").isTrue();
    } finally {
      if (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
        engine.getTaskService().deleteTask(taskId, true);
      }
      authorizations.createAuthorizationQuery().resourceId(taskId).list().forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    }
  }

  private List<String> candidateGroupsOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private List<Authorization> grantsOf(String groupId, String taskId, String processInstanceId) {
    return engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(groupId).list().stream()
        .filter(grant -> taskId.equals(grant.getResourceId()) || processInstanceId.equals(grant.getResourceId())).toList();
  }
}
