package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
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
 * could find none; a unit's grant on a case that was there before is still found and extended, not added again
 * (README 「Database work per case」).
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
  void reviewsOpenedInAnExistingCaseStillLookForTheirUnitsGrantOnTheCaseAndAUnitsNextTaskExtendsItsGrantInsteadOfAddingOne() {
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
          .as("the unit's grants on the case, extended rather than added again")
          .containsExactlyInAnyOrder(Resources.PROCESS_INSTANCE.resourceType(), Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
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
