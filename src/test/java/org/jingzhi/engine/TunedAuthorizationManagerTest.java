package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhi.support.EngineCommands.inCommand;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
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
    AuthorizationManager manager = inCommand(engine, context -> context.getAuthorizationManager());

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
        .as("own groups, or-branch narrowing them").isFalse();
  }

  @Test
  void aQueryForTheUsersOwnAssignmentsOrOrBranchesOfOwnWorkSkipTheGrantLookupAndAnyOtherKeepsIt() {
    Users.actAs(engine.getIdentityService(), "market");
    TaskService tasks = engine.getTaskService();

    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().taskAssignee("market"))).isFalse();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().taskAssignee("fire"))).as("someone else's").isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().taskAssigneeLike("market%"))).isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().or().taskCandidateGroup("market").taskAssignee("market").endOr()))
        .isFalse();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().processDefinitionKey("joint-approval")
        .or().taskCandidateGroupIn(List.of("market")).taskAssignee("market").endOr()
        .or().taskAssignee("market").endOr())).isFalse();

    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().or().taskCandidateGroup("market").taskAssignee("fire").endOr()))
        .as("or someone else's").isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().or().taskCandidateGroup("fire").taskAssignee("market").endOr()))
        .as("or another unit's").isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().or().taskCandidateGroup("market").processInstanceId("any").endOr()))
        .as("or anything else").isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().or().taskCandidateGroup("market").includeAssignedTasks().endOr()))
        .as("or assigned to anyone").isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().or().taskCandidateGroup("market").taskCandidateUser("market").endOr()))
        .as("or as a candidate user").isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery().or().endOr())).as("an empty or-branch").isTrue();
    assertThat(checksGrants((TaskQueryImpl) tasks.createTaskQuery()
        .or().taskAssignee("market").endOr()
        .or().taskAssignee("market").taskNameLike("%").endOr())).as("one branch of two asking more").isTrue();
  }

  @Test
  void theTasklistFiltersOfOwnWorkSkipTheGrantLookupAsStoredAndAsTasklistAndRestClientsExtendThem() throws Exception {
    Users.actAs(engine.getIdentityService(), "market");
    FilterService filters = engine.getFilterService();

    for (String name : List.of("待办", "我的待办", "本单位待办", "即将超期", "部门审查")) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      assertThat(checksGrants(filter.getQuery())).as(name).isFalse();
      TaskQueryDto asTasklistSends = restQuery("{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
          + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}");
      assertThat(checksGrants(filter.extend(asTasklistSends.toQuery(engine)).getQuery())).as(name + " as Tasklist lists it").isFalse();
    }
    TaskQueryDto searching = restQuery("{\"orQueries\":[{\"nameLike\":\"%审查%\"}]}");
    assertThat(checksGrants(filters.createFilterQuery().filterName("待办").singleResult().extend(searching.toQuery(engine)).getQuery()))
        .as("「待办」 searched with an or-branch of its own").isTrue();
    assertThat(checksGrants(filters.createFilterQuery().filterName("本单位待办").singleResult().extend(searching.toQuery(engine)).getQuery()))
        .as("「本单位待办」 searched: its own groups narrow the search").isFalse();
    TaskQueryDto ownWork = restQuery("{\"orQueries\":[{\"candidateGroups\":[\"market\"],\"assignee\":\"market\"}]}");
    assertThat(checksGrants((TaskQueryImpl) ownWork.toQuery(engine))).as("a REST client's or-query of own work").isFalse();
  }

  @Test
  void anOrBranchAskingForMoreThanOwnWorkFindsOnlyWhatTheGrantsAllow() {
    ProcessInstance instance = new JointApprovalDriver(engine, approvals).submit("restaurant-opening", "授权调优或查询餐饮店");
    new JointApprovalDriver(engine, approvals).accept(instance);

    Users.actAs(engine.getIdentityService(), "market");
    List<Task> found = engine.getTaskService().createTaskQuery()
        .or().taskCandidateGroup("market").processInstanceId(instance.getId()).endOr().list();

    assertThat(found).filteredOn(task -> task.getProcessInstanceId().equals(instance.getId()))
        .as("market's review, not fire's or ecology's in the same case").singleElement()
        .satisfies(task -> assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
            .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("market")));
  }

  @Test
  void aClaimedReviewIsFoundByItsAssigneeAndTheTodoFilterButNotByAnotherUnit() {
    ProcessInstance instance = new JointApprovalDriver(engine, approvals).submit("restaurant-opening", "授权调优签收餐饮店");
    new JointApprovalDriver(engine, approvals).accept(instance);
    Users.actAs(engine.getIdentityService(), "market");
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("market").singleResult();
    engine.getTaskService().claim(review.getId(), "market");
    String todo = engine.getFilterService().createFilterQuery().filterName("待办").singleResult().getId();

    assertThat(engine.getAuthorizationService().isUserAuthorized("market", Users.groupsOf(engine.getIdentityService(), "market"),
        Permissions.READ, Resources.TASK, review.getId()))
        .as("the unit's grant, which the skip for 「我的待办」 relies on: the engine removes no task grant while the task is open")
        .isTrue();
    assertThat(engine.getTaskService().createTaskQuery().taskAssignee("market").list()).extracting(Task::getId).contains(review.getId());
    assertThat(engine.getFilterService().<Task>list(todo)).extracting(Task::getId).contains(review.getId());
    assertThat(engine.getFilterService().count(todo)).isEqualTo(engine.getFilterService().list(todo).size());

    Users.actAs(engine.getIdentityService(), "fire");
    assertThat(engine.getFilterService().<Task>list(todo)).extracting(Task::getId).doesNotContain(review.getId());
    assertThat(engine.getTaskService().createTaskQuery().or().taskCandidateGroup("fire").taskAssignee("fire").endOr()
        .processInstanceId(instance.getId()).list()).extracting(Task::getId).doesNotContain(review.getId());
  }

  private TaskQueryDto restQuery(String json) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    TaskQueryDto query = mapper.readValue(json, TaskQueryDto.class);
    query.setObjectMapper(mapper);
    return query;
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

  /** As the engine asks before it runs the query: with its expressions and its or-branches' evaluated. */
  private boolean checksGrants(Query<?, ?> asked) {
    TaskQueryImpl query = (TaskQueryImpl) asked;
    return inCommand(engine, context -> {
      query.getQueries().forEach(TunedAuthorizationManagerTest::evaluateExpressions);
      context.getAuthorizationManager().configureTaskQuery(query);
      return query.getAuthCheck().isAuthorizationCheckEnabled();
    });
  }

  static void evaluateExpressions(TaskQueryImpl query) {
    try {
      Method evaluate = AbstractQuery.class.getDeclaredMethod("evaluateExpressions");
      evaluate.setAccessible(true);
      evaluate.invoke(query);
    } catch (ReflectiveOperationException notEvaluated) {
      throw new IllegalStateException(notEvaluated);
    }
  }

}
