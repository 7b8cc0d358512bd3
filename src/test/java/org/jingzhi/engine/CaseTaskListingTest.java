package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhi.support.EngineCommands.inCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One case's tasks, asked for without a unit (a REST client or clerk looking for the case's task at a step), are listed by
 * {@link CaseTaskListing}'s statement with its own grant check: the same tasks, in the same order, page by page, as the
 * engine's statement, whichever grant lets the user read them — or none.
 */
@IntegrationTest
class CaseTaskListingTest {

  private static final String KEY = "case-task-listing-fixture";
  private static final String ME = "case-list-clerk";
  private static final List<String> MY_UNITS = List.of("case-list-unit-a", "case-list-unit-b");

  @Autowired
  ProcessEngine engine;

  private final List<String> authorizationIds = new ArrayList<>();
  private String myUnitsCase;
  private String anotherUnitsCase;

  /** Three tasks at once: 处置 for the case's unit, 审核 for another unit, 归档 for nobody. */
  private static BpmnModelInstance threeTasks() {
    return Bpmn.createExecutableProcess(KEY).name("测试：一案多任务").camundaHistoryTimeToLive(1)
        .startEvent().parallelGateway("split")
        .userTask("handle").name("处置").camundaCandidateGroups("${unit}").endEvent()
        .moveToNode("split").userTask("check").name("审核").camundaCandidateGroups("case-list-unit-c").endEvent()
        .moveToNode("split").userTask("archive").name("归档").endEvent()
        .done();
  }

  @BeforeEach
  void twoCases() {
    engine.getIdentityService().clearAuthentication();
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      engine.getRepositoryService().createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", threeTasks()).deploy();
    }
    myUnitsCase = engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of("unit", "case-list-unit-a")).getId();
    anotherUnitsCase = engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of("unit", "case-list-unit-c")).getId();
  }

  @AfterEach
  void cleanUp() {
    engine.getIdentityService().clearAuthentication();
    authorizationIds.forEach(engine.getAuthorizationService()::deleteAuthorization);
    engine.getRuntimeService().deleteProcessInstances(List.of(myUnitsCase, anotherUnitsCase), "test over", true, true);
  }

  @Test
  void aCasesTasksAreThoseMyUnitsAreCandidatesFor() {
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);

    assertThat(listedByTheStatement(tasks().processInstanceId(myUnitsCase))).isTrue();
    assertThat(names(tasks().processInstanceId(myUnitsCase).list())).containsExactly("处置");
    assertThat(tasks().processInstanceId(myUnitsCase).taskDefinitionKey("check").list()).as("another unit's step").isEmpty();
    assertThat(tasks().processInstanceId(anotherUnitsCase).list()).as("another unit's case").isEmpty();
    assertSameAsTheEngine(() -> tasks().processInstanceId(myUnitsCase));
    assertSameAsTheEngine(() -> tasks().processInstanceId(anotherUnitsCase));
    assertSameAsTheEngine(() -> tasks().processInstanceId(myUnitsCase).taskDefinitionKey("handle").active());
    assertSameAsTheEngine(() -> tasks().processInstanceId(myUnitsCase).taskDefinitionKeyIn("check", "archive").suspended());
  }

  @Test
  void aGrantOnTheTaskOnItsProcessOrOnEveryTaskLetsMeReadItAsTheEnginesStatementDoes() {
    String archive = taskOf(myUnitsCase, "archive");
    grant(Authorization.AUTH_TYPE_GRANT, ME, null, Resources.TASK, archive, Permissions.READ);
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);
    assertThat(names(tasks().processInstanceId(myUnitsCase).orderByTaskName().asc().list())).as("granted to me on the task")
        .containsExactlyInAnyOrder("处置", "归档");
    assertSameAsTheEngine(() -> tasks().processInstanceId(myUnitsCase).orderByTaskName().asc());

    grant(Authorization.AUTH_TYPE_GRANT, null, "case-list-unit-b", Resources.PROCESS_DEFINITION, KEY, ProcessDefinitionPermissions.READ_TASK);
    assertThat(tasks().processInstanceId(anotherUnitsCase).list()).as("to my unit on the process").hasSize(3);
    assertSameAsTheEngine(() -> tasks().processInstanceId(anotherUnitsCase).orderByTaskId().desc());
  }

  @Test
  void aGrantOnEveryTaskOrEveryProcessLetsMeReadThemAll() {
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);
    List<Supplier<TaskQuery>> queries = List.of(() -> tasks().processInstanceId(anotherUnitsCase).orderByTaskName().asc(),
        () -> tasks().processInstanceId(anotherUnitsCase).taskDefinitionKey("check"));

    for (Runnable grantOnEvery : List.<Runnable>of(
        () -> grant(Authorization.AUTH_TYPE_GRANT, ME, null, Resources.TASK, "*", Permissions.READ),
        () -> grant(Authorization.AUTH_TYPE_GRANT, null, "case-list-unit-b", Resources.TASK, "*", Permissions.READ),
        () -> grant(Authorization.AUTH_TYPE_GRANT, null, "case-list-unit-a", Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_TASK),
        () -> grant(Authorization.AUTH_TYPE_GLOBAL, "*", null, Resources.TASK, "*", Permissions.READ))) {
      grantOnEvery.run();
      assertThat(tasks().processInstanceId(anotherUnitsCase).list()).hasSize(3);
      queries.forEach(this::assertSameAsTheEngine);
      removeGrants();
    }
  }

  @Test
  void aGrantNamesItsResourceByIdWhateverItsTypeAsInTheEnginesJoin() {
    String check = taskOf(anotherUnitsCase, "check");
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);
    grant(Authorization.AUTH_TYPE_GRANT, ME, null, Resources.TASK, KEY, Permissions.READ);
    assertThat(tasks().processInstanceId(anotherUnitsCase).list()).as("a task grant on the process's key").hasSize(3);
    assertSameAsTheEngine(() -> tasks().processInstanceId(anotherUnitsCase).orderByTaskId().asc());
    removeGrants();

    grant(Authorization.AUTH_TYPE_GRANT, null, "case-list-unit-b", Resources.PROCESS_DEFINITION, check,
        ProcessDefinitionPermissions.READ_TASK);
    assertThat(names(tasks().processInstanceId(anotherUnitsCase).list())).as("a process grant on the task's id").containsExactly("审核");
    assertSameAsTheEngine(() -> tasks().processInstanceId(anotherUnitsCase));
  }

  @Test
  void aRevokeGrantsNothingWhereRevokesAreNotChecked() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String revokes = configuration.getAuthorizationCheckRevokes();
    // a revoke of READ keeps every other bit, READ_TASK among them
    grant(Authorization.AUTH_TYPE_REVOKE, null, "case-list-unit-b", Resources.PROCESS_DEFINITION, KEY, Permissions.READ);
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    try {
      engine.getIdentityService().setAuthentication(ME, MY_UNITS);
      assertThat(tasks().processInstanceId(anotherUnitsCase).list()).isEmpty();
      assertSameAsTheEngine(() -> tasks().processInstanceId(anotherUnitsCase));
    } finally {
      configuration.setAuthorizationCheckRevokes(revokes);
    }
  }

  @Test
  void aGrantOfAnotherPermissionOrToAnotherUnitLetsMeReadNothing() {
    grant(Authorization.AUTH_TYPE_GRANT, ME, null, Resources.TASK, "*", Permissions.UPDATE);
    grant(Authorization.AUTH_TYPE_GRANT, null, "case-list-unit-b", Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    grant(Authorization.AUTH_TYPE_GRANT, null, "case-list-unit-c", Resources.TASK, "*", Permissions.READ);
    grant(Authorization.AUTH_TYPE_GRANT, "case-list-colleague", null, Resources.PROCESS_DEFINITION, KEY, ProcessDefinitionPermissions.READ_TASK);
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);

    assertThat(tasks().processInstanceId(anotherUnitsCase).list()).isEmpty();
    assertSameAsTheEngine(() -> tasks().processInstanceId(anotherUnitsCase));
    engine.getIdentityService().setAuthentication(ME, List.of());
    assertThat(listedByTheStatement(tasks().processInstanceId(myUnitsCase))).as("a user of no unit").isTrue();
    assertThat(tasks().processInstanceId(myUnitsCase).list()).isEmpty();
    assertSameAsTheEngine(() -> tasks().processInstanceId(myUnitsCase));
  }

  @Test
  void queriesAskingForMoreOrWhileARevokeAppliesAreListedByTheEngine() {
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);

    assertThat(listedByTheStatement(tasks().processInstanceId(myUnitsCase).taskName("处置"))).as("a name").isFalse();
    assertThat(listedByTheStatement(tasks().processInstanceIdIn(myUnitsCase, anotherUnitsCase))).as("several cases").isFalse();
    assertThat(listedByTheStatement(tasks().processInstanceId(myUnitsCase).taskAssignee(ME))).as("an assignee").isFalse();
    assertThat(listedByTheStatement(tasks().processInstanceId(myUnitsCase).taskCandidateGroup("case-list-unit-c")))
        .as("a candidate group").isFalse();
    assertThat(listedByTheStatement(tasks().processInstanceId(myUnitsCase).processVariableValueEquals("unit", "x")))
        .as("a variable").isFalse();
    assertThat(listedByTheStatement(tasks().processInstanceId(myUnitsCase).orderByTaskNameCaseInsensitive().asc()))
        .as("ordered by a function of a column").isFalse();
    assertThat(listedByTheStatement(tasks().processInstanceId(myUnitsCase).or().taskName("处置").taskName("归档").endOr()))
        .as("an or-branch").isFalse();

    grant(Authorization.AUTH_TYPE_REVOKE, ME, null, Resources.TASK, taskOf(myUnitsCase, "handle"), Permissions.READ);
    assertThat(listedByTheStatement(tasks().processInstanceId(myUnitsCase))).as("a revoke").isFalse();
    assertThat(tasks().processInstanceId(myUnitsCase).list()).isEmpty();
  }

  /** Listed by the statement, page by page as the engine's own statement lists them (compared by id: names repeat). */
  private void assertSameAsTheEngine(Supplier<TaskQuery> query) {
    assertThat(listedByTheStatement(query.get())).as("listed by the statement").isTrue();
    PagesAsTheEngine.assertSame(engine, query, CaseTaskListingTest::ids);
  }

  private boolean listedByTheStatement(TaskQuery query) {
    return inCommand(engine, context -> {
      OwnWorkTaskManager tasks = (OwnWorkTaskManager) context.getTaskManager();
      TaskQueryImpl asked = (TaskQueryImpl) query;
      return tasks.configuredListing(asked).isEmpty() && tasks.caseListing(asked).isPresent();
    });
  }

  /** Saved as the administration would, whoever is logged in meanwhile. */
  private void grant(int type, String userId, String groupId, Resource resource, String resourceId, Permission permission) {
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    engine.getIdentityService().clearAuthentication();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization authorization = authorizations.createNewAuthorization(type);
    authorization.setUserId(userId);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(permission);
    } else {
      authorization.addPermission(permission);
    }
    authorizationIds.add(authorizations.saveAuthorization(authorization).getId());
    if (user != null) {
      engine.getIdentityService().setAuthentication(user);
    }
  }

  private void removeGrants() {
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    engine.getIdentityService().clearAuthentication();
    authorizationIds.forEach(engine.getAuthorizationService()::deleteAuthorization);
    authorizationIds.clear();
    engine.getIdentityService().setAuthentication(user);
  }

  private String taskOf(String caseId, String step) {
    return engine.getTaskService().createTaskQuery().processInstanceId(caseId).taskDefinitionKey(step).singleResult().getId();
  }

  private TaskQuery tasks() {
    return engine.getTaskService().createTaskQuery();
  }

  private static List<String> names(List<Task> tasks) {
    return tasks.stream().map(Task::getName).toList();
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }
}
