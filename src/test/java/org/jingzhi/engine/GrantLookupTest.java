package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The short grant lookup answers every permission check as the engine's own statement does while no revoke can apply,
 * and steps aside when one can.
 */
@IntegrationTest
class GrantLookupTest {

  private static final String PROCESS = "grant-lookup-process";

  @Autowired
  ProcessEngine engine;

  private final List<String> created = new ArrayList<>();

  @AfterEach
  void removeAuthorizations() {
    created.forEach(engine.getAuthorizationService()::deleteAuthorization);
  }

  @Test
  void theLookupAndTheTunedManagerAnswerEveryCheckAsTheEngineDoes() {
    grant("gl-user", null, Resources.TASK, "gl-task-1", TaskPermissions.TASK_WORK);
    grant(null, "gl-group", Resources.TASK, "gl-task-2", Permissions.UPDATE);
    grant("gl-user", null, Resources.TASK, "gl-task-3", Permissions.READ);
    grant(null, "gl-other", Resources.TASK, "gl-task-3", Permissions.ALL);
    grant(null, "gl-group", Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    grant("*", null, Resources.PROCESS_DEFINITION, PROCESS, Permissions.CREATE_INSTANCE);

    List<CompositePermissionCheck> checks = new ArrayList<>();
    for (String task : List.of("gl-task-1", "gl-task-2", "gl-task-3", "gl-task-4")) {
      checks.add(single(Resources.TASK, task, TaskPermissions.TASK_WORK));
      checks.add(taskWork(task));
    }
    checks.add(single(Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ));
    checks.add(single(Resources.PROCESS_DEFINITION, "another-process", Permissions.READ));
    checks.add(single(Resources.PROCESS_DEFINITION, PROCESS, Permissions.CREATE_INSTANCE));
    checks.add(single(Resources.PROCESS_DEFINITION, null, Permissions.CREATE_INSTANCE));
    checks.add(single(Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.UPDATE_TASK));

    int granted = 0;
    int refused = 0;
    for (String user : List.of("gl-user", "gl-someone")) {
      for (List<String> groups : List.of(List.<String>of(), List.of("gl-group"), List.of("gl-other", "gl-group"))) {
        for (CompositePermissionCheck check : checks) {
          String asked = user + " " + groups + " " + describe(check);
          boolean engineAnswer = inCommand(context -> new AuthorizationManager().isAuthorized(user, groups, check));
          boolean lookup = inCommand(context -> GrantLookup.anyGrant(context.getDbSqlSession(), user, groups, check.getAtomicChecks()));
          boolean tuned = inCommand(context -> context.getAuthorizationManager().isAuthorized(user, groups, check));
          assertThat(lookup).as("lookup: " + asked).isEqualTo(engineAnswer);
          assertThat(tuned).as("tuned manager: " + asked).isEqualTo(engineAnswer);
          if (engineAnswer) {
            granted++;
          } else {
            refused++;
          }
        }
      }
    }
    assertThat(granted).as("checks granted").isGreaterThan(15);
    assertThat(refused).as("checks refused").isGreaterThan(15);
    assertThat(inCommand(context -> new AuthorizationManager().isAuthorized("gl-someone", List.of("gl-group"), taskWork("gl-task-2"))))
        .as("a group's UPDATE on a task lets its members work on it").isTrue();
    assertThat(inCommand(context -> new AuthorizationManager().isAuthorized("gl-user", List.of(), taskWork("gl-task-3"))))
        .as("READ alone does not").isFalse();
  }

  @Test
  void whereARevokeCanApplyTheEngineAnswersAlone() {
    grant(null, "gl-group", Resources.TASK, "gl-task-5", Permissions.ALL);
    Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("gl-user");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId("gl-task-5");
    revoke.removePermission(TaskPermissions.TASK_WORK);
    revoke.removePermission(Permissions.UPDATE);
    created.add(engine.getAuthorizationService().saveAuthorization(revoke).getId());

    CompositePermissionCheck check = taskWork("gl-task-5");
    assertThat(inCommand(context -> GrantLookup.anyGrant(context.getDbSqlSession(), "gl-user", List.of("gl-group"), check.getAtomicChecks())))
        .as("the group's grant, which the lookup sees").isTrue();
    assertThat(inCommand(context -> new AuthorizationManager().isAuthorized("gl-user", List.of("gl-group"), check)))
        .as("the engine: the user's own revoke comes first").isFalse();
    assertThat(inCommand(context -> context.getAuthorizationManager().isAuthorized("gl-user", List.of("gl-group"), check)))
        .as("the tuned manager leaves it to the engine").isFalse();
    assertThat(inCommand(context -> context.getAuthorizationManager().isAuthorized("gl-someone", List.of("gl-group"), check)))
        .as("another member of the group").isTrue();
  }

  private void grant(String user, String group, Resource resource, String resourceId, Permission permission) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization("*".equals(user) ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(user);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    created.add(authorizations.saveAuthorization(grant).getId());
  }

  private static CompositePermissionCheck single(Resource resource, String resourceId, Permission permission) {
    return anyOf(atomic(resource, resourceId, permission));
  }

  /** As the engine checks whether a user may claim or complete a task of a process ({@code checkTaskWork}). */
  private static CompositePermissionCheck taskWork(String task) {
    return anyOf(atomic(Resources.TASK, task, TaskPermissions.TASK_WORK),
        atomic(Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.TASK_WORK),
        atomic(Resources.TASK, task, Permissions.UPDATE),
        atomic(Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.UPDATE_TASK));
  }

  private static CompositePermissionCheck anyOf(PermissionCheck... checks) {
    CompositePermissionCheck composite = new CompositePermissionCheck(true);
    composite.setAtomicChecks(List.of(checks));
    return composite;
  }

  private static PermissionCheck atomic(Resource resource, String resourceId, Permission permission) {
    PermissionCheck check = new PermissionCheck();
    check.setResource(resource);
    check.setResourceId(resourceId);
    check.setPermission(permission);
    return check;
  }

  private static String describe(CompositePermissionCheck check) {
    return check.getAtomicChecks().stream().map(GrantLookupTest::describe).toList().toString();
  }

  private static String describe(PermissionCheck check) {
    return check.getPermission().getName() + " on " + check.getResource().resourceName() + " " + check.getResourceId();
  }

  private boolean inCommand(Function<CommandContext, Boolean> answer) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(answer::apply);
  }
}
