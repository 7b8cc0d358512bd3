package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A clerk who claims a task of their own unit works on the unit's grants; anyone else assigned a task gets their own
 * (README 「Database work per case」).
 */
@IntegrationTest
class AssigneeGrantsTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void aClerkClaimingTheirUnitsReviewGetsNoGrantsOfTheirOwnAndStillReadsAndCompletesItAndReadsTheCaseAfterwards() {
    ProcessInstance instance = acceptedCase("签收授权餐饮店");
    Task review = reviewOf(instance, "market");

    claimAs("market", review);

    assertThat(ownGrants("market", review.getId(), instance.getId())).as("the market unit's grants cover its clerk").isEmpty();
    List<String> marketGroups = Users.groupsOf(engine.getIdentityService(), "market");
    AuthorizationService authorizations = engine.getAuthorizationService();
    assertThat(authorizations.isUserAuthorized("market", marketGroups, TaskPermissions.TASK_WORK, Resources.TASK, review.getId())).isTrue();
    assertThat(authorizations.isUserAuthorized("market", marketGroups, Permissions.READ, Resources.PROCESS_INSTANCE, instance.getId()))
        .isTrue();
    assertThat(authorizations.isUserAuthorized("market", List.of(), Permissions.READ, Resources.TASK, review.getId()))
        .as("a clerk who has left the unit no longer reads the task they claimed").isFalse();

    Users.actAs(engine.getIdentityService(), "market");
    assertThat(engine.getTaskService().createTaskQuery().taskAssignee("market").list()).extracting(Task::getId).contains(review.getId());
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult()).isNotNull();
    engine.getTaskService().complete(review.getId(), Map.of("decision", "approved", "opinion", "符合条件"));
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult().getAssignee())
        .isEqualTo("market");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count()).isOne();
    assertThat(authorizations.isUserAuthorized("market", marketGroups, HistoricTaskPermissions.READ, Resources.HISTORIC_TASK,
        review.getId())).isTrue();
    assertThat(authorizations.isUserAuthorized("market", marketGroups, HistoricProcessInstancePermissions.READ,
        Resources.HISTORIC_PROCESS_INSTANCE, instance.getId())).isTrue();
  }

  @Test
  void aReviewAssignedToSomeoneOutsideItsUnitGivesThemTheirOwnGrantsOnTheTaskAndTheCase() {
    ProcessInstance instance = acceptedCase("指派授权餐饮店");
    Task review = reviewOf(instance, "market");

    engine.getTaskService().setAssignee(review.getId(), "fire");

    assertThat(ownGrants("fire", review.getId(), instance.getId())).extracting(Authorization::getResourceType)
        .containsExactlyInAnyOrder(Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType(),
            Resources.PROCESS_INSTANCE.resourceType(), Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
    Users.actAs(engine.getIdentityService(), "fire");
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult()).isNotNull();
  }

  @Test
  void aClerkWhoLeavesTheUnitHandsTheTasksTheyClaimedThereBackAndKeepsOnesAssignedWithTheirOwnGrants() {
    IdentityService identity = engine.getIdentityService();
    createClerk("leaving-clerk", "market");
    try {
      ProcessInstance claimedCase = acceptedCase("离岗签收餐饮店");
      Task claimed = reviewOf(claimedCase, "market");
      ProcessInstance assignedCase = acceptedCase("离岗指派餐饮店");
      Task assigned = reviewOf(assignedCase, "ecology");
      claimAs("leaving-clerk", claimed);
      engine.getTaskService().setAssignee(assigned.getId(), "leaving-clerk");

      identity.deleteMembership("leaving-clerk", "market");

      assertThat(engine.getTaskService().createTaskQuery().taskId(claimed.getId()).singleResult().getAssignee())
          .as("back with the unit").isNull();
      Users.actAs(identity, "leaving-clerk");
      assertThat(engine.getTaskService().createTaskQuery().taskAssignee("leaving-clerk").list()).extracting(Task::getId)
          .as("「我的待办」 of the clerk who left").containsExactly(assigned.getId());
      Users.actAs(identity, "market");
      assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("market").list()).extracting(Task::getId)
          .as("「本单位待办」 of the unit").contains(claimed.getId());
    } finally {
      identity.clearAuthentication();
      identity.deleteUser("leaving-clerk");
    }
  }

  @Test
  void aClerkWhoLeavesOneUnitKeepsAClaimAnotherOfTheirUnitsMayWorkOnAndAClaimInASuspendedCase() {
    IdentityService identity = engine.getIdentityService();
    createClerk("two-unit-clerk", "market");
    identity.createMembership("two-unit-clerk", "health");
    try {
      Task shared = reviewOf(acceptedCase("两部门签收餐饮店"), "market");
      engine.getTaskService().addCandidateGroup(shared.getId(), "health");
      ProcessInstance suspendedCase = acceptedCase("挂起签收餐饮店");
      Task suspended = reviewOf(suspendedCase, "market");
      claimAs("two-unit-clerk", shared, suspended);
      engine.getRuntimeService().suspendProcessInstanceById(suspendedCase.getId());

      identity.deleteMembership("two-unit-clerk", "market");

      assertThat(engine.getTaskService().createTaskQuery().taskAssignee("two-unit-clerk").list()).extracting(Task::getId)
          .as("health may work on the first; the second's case is suspended and cannot change")
          .containsExactlyInAnyOrder(shared.getId(), suspended.getId());
      engine.getRuntimeService().activateProcessInstanceById(suspendedCase.getId());
    } finally {
      identity.deleteUser("two-unit-clerk");
    }
  }

  @Test
  void theMembersOfADeletedUnitHandBackTheTasksTheyClaimedForIt() {
    IdentityService identity = engine.getIdentityService();
    identity.saveGroup(identity.newGroup("closing-unit"));
    createClerk("closing-clerk", "closing-unit");
    try {
      Task review = reviewOf(acceptedCase("撤销单位签收餐饮店"), "market");
      engine.getTaskService().addCandidateGroup(review.getId(), "closing-unit");
      claimAs("closing-clerk", review);

      identity.deleteGroup("closing-unit");

      assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
    } finally {
      identity.deleteUser("closing-clerk");
    }
  }

  @Test
  void aDeletedUserHandsBackTheTasksTheyClaimed() {
    IdentityService identity = engine.getIdentityService();
    createClerk("deleted-clerk", "market");
    ProcessInstance instance = acceptedCase("删除用户签收餐饮店");
    Task review = reviewOf(instance, "market");
    claimAs("deleted-clerk", review);

    identity.deleteUser("deleted-clerk");

    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void aReviewAnAdministratorAssignsToAClerkOfItsUnitGivesTheClerkTheirOwnGrants() {
    ProcessInstance instance = acceptedCase("管理员指派餐饮店");
    Task review = reviewOf(instance, "market");

    Users.actAs(engine.getIdentityService(), "demo");
    engine.getTaskService().setAssignee(review.getId(), "market");
    engine.getIdentityService().clearAuthentication();

    assertThat(ownGrants("market", review.getId(), instance.getId())).as("only a claim by the clerk themselves relies on the unit")
        .hasSize(4);
  }

  @Test
  void aReviewAssignedToAMemberOfItsUnitByAnyoneButThemselvesGivesThemTheirOwnGrants() {
    ProcessInstance instance = acceptedCase("代签授权餐饮店");
    Task review = reviewOf(instance, "market");

    engine.getTaskService().setAssignee(review.getId(), "market");

    assertThat(ownGrants("market", review.getId(), instance.getId())).as("only a claim by the clerk themselves relies on the unit")
        .hasSize(4);
  }

  private void createClerk(String userId, String groupId) {
    IdentityService identity = engine.getIdentityService();
    User clerk = identity.newUser(userId);
    clerk.setFirstName("离岗");
    clerk.setLastName("测试");
    clerk.setPassword("Leaving-clerk-1");
    identity.saveUser(clerk);
    identity.createMembership(userId, groupId);
  }

  /** Claims as {@code user} with their groups, as Tasklist does. */
  private void claimAs(String user, Task... tasks) {
    Users.actAs(engine.getIdentityService(), user);
    try {
      for (Task task : tasks) {
        engine.getTaskService().claim(task.getId(), user);
      }
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private Task reviewOf(ProcessInstance instance, String department) {
    return new JointApprovalDriver(engine, approvals).reviewTask(instance, department);
  }

  private ProcessInstance acceptedCase(String projectName) {
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", projectName);
    driver.accept(instance);
    return instance;
  }

  private List<Authorization> ownGrants(String userId, String taskId, String processInstanceId) {
    return engine.getAuthorizationService().createAuthorizationQuery().userIdIn(userId).list().stream()
        .filter(grant -> taskId.equals(grant.getResourceId()) || processInstanceId.equals(grant.getResourceId())).toList();
  }
}
