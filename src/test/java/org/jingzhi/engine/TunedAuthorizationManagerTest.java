package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
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
 * Every command checks authorizations without the engine's group filter, and a task query for the user's own units as
 * candidate groups without a grant lookup per task; that the answers stay the same is what the security tests
 * (UnitIsolationTest, IntegrityAttackTest, …) and the queries below show.
 */
@IntegrationTest
class TunedAuthorizationManagerTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void commandsCheckTheUsersGroupsAsTheyAre() {
    AuthorizationManager manager = inCommand(context -> context.getAuthorizationManager());

    assertThat(manager).isInstanceOf(TunedAuthorizationManager.class);
    assertThat(manager.filterAuthenticatedGroupIds(List.of("market", "a-group-without-authorizations")))
        .containsExactly("market", "a-group-without-authorizations");
    assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
  }

  @Test
  void aQueryForTheUsersOwnUnitsSkipsTheGrantLookupAndAnyOtherQueryKeepsIt() {
    Users.actAs(engine.getIdentityService(), "market");
    TaskService tasks = engine.getTaskService();

    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().taskCandidateGroup("market"))).isFalse();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().taskCandidateGroupIn(List.of("market")).includeAssignedTasks()))
        .isFalse();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().taskCandidateGroup("fire"))).as("another unit").isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().taskCandidateGroupIn(List.of("market", "fire")))).isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery())).as("no candidate group").isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().taskCandidateUser("market"))).isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().taskCandidateGroupLike("mark%"))).isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().taskCandidateGroup("market").or().taskAssignee("x").endOr()))
        .as("or-branches").isTrue();
  }

  @Test
  void aUnitFindsItsOwnReviewsByCandidateGroupAndAnotherUnitFindsNoneOfThem() {
    ProcessInstance instance = new JointApprovalDriver(engine, approvals).submit("restaurant-opening", "授权调优餐饮店开业");
    new JointApprovalDriver(engine, approvals).accept(instance);

    Users.actAs(engine.getIdentityService(), "market");
    List<Task> own = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("market").list();
    assertThat(own).singleElement().satisfies(task -> assertThat(task.getTaskDefinitionKey()).isEqualTo("review"));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("market").count())
        .isEqualTo(1);

    Users.actAs(engine.getIdentityService(), "fire");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("market").list())
        .as("fire asking for market's tasks").isEmpty();
  }

  private boolean checksGrants(TaskQueryImpl query) {
    return inCommand(context -> {
      context.getAuthorizationManager().configureTaskQuery(query);
      return query.getAuthCheck().isAuthorizationCheckEnabled();
    });
  }

  private <T> T inCommand(Function<org.camunda.bpm.engine.impl.interceptor.CommandContext, T> work) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(work::apply);
  }
}
