package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.jingzhi.support.EngineCommands;
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
    grant("gl-user", null, Resources.TASK, "*", Permissions.DELETE);
    grant(null, "gl-group", Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    grant("*", null, Resources.PROCESS_DEFINITION, PROCESS, Permissions.CREATE_INSTANCE);
    grant("*", null, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_HISTORY);

    List<CompositePermissionCheck> checks = new ArrayList<>();
    for (String task : List.of("gl-task-1", "gl-task-2", "gl-task-3", "gl-task-4")) {
      checks.add(single(Resources.TASK, task, TaskPermissions.TASK_WORK));
      checks.add(single(Resources.TASK, task, Permissions.DELETE));
      checks.add(taskWork(task));
    }
    checks.add(single(Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ));
    checks.add(single(Resources.PROCESS_DEFINITION, "another-process", Permissions.READ));
    checks.add(single(Resources.PROCESS_DEFINITION, "*", Permissions.READ));
    checks.add(single(Resources.PROCESS_DEFINITION, PROCESS, Permissions.CREATE_INSTANCE));
    checks.add(single(Resources.PROCESS_DEFINITION, null, Permissions.CREATE_INSTANCE));
    checks.add(single(Resources.PROCESS_DEFINITION, "another-process", ProcessDefinitionPermissions.READ_HISTORY));
    checks.add(single(Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.UPDATE_TASK));

    int granted = 0;
    int refused = 0;
    for (String user : List.of("gl-user", "gl-someone")) {
      for (List<String> groups : List.of(List.<String>of(), List.of("gl-group"), List.of("gl-other", "gl-group"))) {
        for (CompositePermissionCheck check : checks) {
          String asked = user + " " + groups + " " + describe(check);
          boolean engineAnswer = inCommand(context -> new AuthorizationManager().isAuthorized(user, groups, check));
          assertThat(inCommand(context -> GrantLookup.anyGrant(GrantLookup.Database.of(context.getDbSqlSession()), user, groups, check.getAtomicChecks())))
              .as("lookup: " + asked).isEqualTo(engineAnswer);
          assertThat(inCommand(context -> tuned(context).grantFound(user, groups, check)))
              .as("answered the short way: " + asked).isEqualTo(engineAnswer);
          assertThat(inCommand(context -> tuned(context).isAuthorized(user, groups, check))).as("tuned manager: " + asked).isEqualTo(engineAnswer);
          if (check.getAtomicChecks().size() == 1) {
            PermissionCheck only = check.getAtomicChecks().get(0);
            assertThat(inCommand(context -> tuned(context).isAuthorized(user, groups, only))).as("tuned manager, one check: " + asked)
                .isEqualTo(inCommand(context -> new AuthorizationManager().isAuthorized(user, groups, only)));
          }
          if (engineAnswer) {
            granted++;
          } else {
            refused++;
          }
        }
      }
    }
    assertThat(granted).as("checks granted").isGreaterThan(30);
    assertThat(refused).as("checks refused").isGreaterThan(30);
    assertThat(inCommand(context -> new AuthorizationManager().isAuthorized("gl-someone", List.of("gl-group"), taskWork("gl-task-2"))))
        .as("a group's UPDATE on a task lets its members work on it").isTrue();
    assertThat(inCommand(context -> new AuthorizationManager().isAuthorized("gl-user", List.of(), taskWork("gl-task-3"))))
        .as("READ alone does not").isFalse();
  }

  @Test
  void whereARevokeCanApplyTheEngineAnswersAlone() {
    grant(null, "gl-group", Resources.TASK, "gl-task-5", Permissions.ALL);
    revoke("gl-user", null, "gl-task-5");
    CompositePermissionCheck check = taskWork("gl-task-5");

    assertThat(inCommand(context -> GrantLookup.anyGrant(GrantLookup.Database.of(context.getDbSqlSession()), "gl-user", List.of("gl-group"), check.getAtomicChecks())))
        .as("the group's grant, which the lookup sees").isTrue();
    assertThat(inCommand(context -> new AuthorizationManager().isAuthorized("gl-user", List.of("gl-group"), check)))
        .as("the engine: the user's own revoke comes first").isFalse();
    assertThat(inCommand(context -> tuned(context).grantFound("gl-user", List.of("gl-group"), check))).as("no short way for the user").isFalse();
    assertThat(inCommand(context -> tuned(context).isAuthorized("gl-user", List.of("gl-group"), check)))
        .as("the tuned manager leaves it to the engine").isFalse();
    assertThat(inCommand(context -> tuned(context).grantFound("gl-someone", List.of("gl-group"), check)))
        .as("another member of the group, whom no revoke concerns").isTrue();

    revoke(null, "gl-group", "gl-task-6");
    assertThat(inCommand(context -> tuned(context).grantFound("gl-someone", List.of("gl-group"), check)))
        .as("a revoke on one of the user's groups").isFalse();
    revoke("*", null, "gl-task-7");
    assertThat(inCommand(context -> tuned(context).grantFound("gl-nobody", List.of(), single(Resources.TASK, "gl-task-5", Permissions.READ))))
        .as("a revoke for everyone").isFalse();
    for (String user : List.of("gl-user", "gl-someone")) {
      assertThat(inCommand(context -> tuned(context).isAuthorized(user, List.of("gl-group"), check))).as(user + " with revokes about")
          .isEqualTo(inCommand(context -> new AuthorizationManager().isAuthorized(user, List.of("gl-group"), check)));
    }
  }

  @Test
  void theTestForRevokesAnswersAsTheEnginesStatement() {
    List<List<String>> groupings = List.of(List.of(), List.of("gl-group"), List.of("gl-other", "gl-group"));
    assertRevokeAnswersAsTheEngine(groupings, false);
    revoke("gl-user", null, "gl-task-10");
    assertRevokeAnswersAsTheEngine(groupings, true);
    assertThat(inCommand(context -> GrantLookup.anyRevoke(GrantLookup.Database.of(context.getDbSqlSession()), "gl-someone", List.of()))).as("another user").isFalse();
    revoke(null, "gl-group", "gl-task-11");
    assertThat(inCommand(context -> GrantLookup.anyRevoke(GrantLookup.Database.of(context.getDbSqlSession()), "gl-someone", List.of("gl-other", "gl-group")))).isTrue();
    revoke("*", null, "gl-task-12");
    assertRevokeAnswersAsTheEngine(groupings, true);
  }

  private void assertRevokeAnswersAsTheEngine(List<List<String>> groupings, boolean anyExpected) {
    boolean any = false;
    for (String user : List.of("gl-user", "gl-someone")) {
      for (List<String> groups : groupings) {
        boolean engineAnswer = inCommand(context -> context.getDbEntityManager().selectBoolean("selectRevokeAuthorization",
            Map.of("userId", user, "authGroupIds", groups)));
        assertThat(inCommand(context -> GrantLookup.anyRevoke(GrantLookup.Database.of(context.getDbSqlSession()), user, groups))).as(user + " " + groups)
            .isEqualTo(engineAnswer);
        any |= engineAnswer;
      }
    }
    assertThat(any).isEqualTo(anyExpected);
  }

  @Test
  void theCombinedStatementAnswersAsTheTestForRevokesAndThenTheLookup() {
    grant(null, "gl-group", Resources.TASK, "gl-task-13", Permissions.ALL);
    grant("gl-user", null, Resources.TASK, "gl-task-14", TaskPermissions.TASK_WORK);
    List<List<String>> groupings = List.of(List.of(), List.of("gl-group"), List.of("gl-other", "gl-group"));
    List<CompositePermissionCheck> checks = List.of(taskWork("gl-task-13"), taskWork("gl-task-14"), taskWork("gl-task-15"));
    assertCombinedAnswersAsBoth(groupings, checks);
    revoke("gl-user", null, "gl-task-16");
    assertCombinedAnswersAsBoth(groupings, checks);
    revoke(null, "gl-other", "gl-task-17");
    assertCombinedAnswersAsBoth(groupings, checks);
    revoke("*", null, "gl-task-21");
    assertCombinedAnswersAsBoth(groupings, checks);
  }

  private void assertCombinedAnswersAsBoth(List<List<String>> groupings, List<CompositePermissionCheck> checks) {
    for (String user : List.of("gl-user", "gl-someone")) {
      for (List<String> groups : groupings) {
        for (CompositePermissionCheck check : checks) {
          List<PermissionCheck> atomic = check.getAtomicChecks();
          GrantLookup.Found expected = inCommand(context -> context.getDbEntityManager().selectBoolean("selectRevokeAuthorization",
              Map.of("userId", user, "authGroupIds", groups)))
              ? GrantLookup.Found.REVOKE_CAN_APPLY
              : inCommand(context -> GrantLookup.anyGrant(GrantLookup.Database.of(context.getDbSqlSession()), user, groups, atomic))
                  ? GrantLookup.Found.GRANT : GrantLookup.Found.NOTHING;
          GrantLookup.Found combined = EngineCommands.inCommand(engine,
              context -> GrantLookup.revokeOrGrant(GrantLookup.Database.of(context.getDbSqlSession()), user, groups, atomic));
          assertThat(combined).as(user + " " + groups + " " + describe(check)).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void aCommandsFirstCheckTestsForRevokesAndLooksForTheGrantInOneStatement() {
    grant(null, "gl-group", Resources.TASK, "gl-task-18", Permissions.ALL);
    CompositePermissionCheck check = taskWork("gl-task-18");

    List<Integer> sent = EngineCommands.inCommand(engine, context -> {
      CountingManager manager = new CountingManager();
      boolean first = manager.isAuthorized("gl-someone", List.of("gl-group"), check);
      int statementsOfTheFirst = manager.statements;
      boolean second = manager.isAuthorized("gl-someone", List.of("gl-group"), taskWork("gl-task-19"));
      assertThat(first).as("the group's grant").isTrue();
      assertThat(second).as("no grant on another task").isFalse();
      return List.of(statementsOfTheFirst, manager.statements - statementsOfTheFirst);
    });
    assertThat(sent.get(0)).as("statements for the command's first check, the test for revokes with it").isEqualTo(1);
    assertThat(sent.get(1)).as("plain statements for the second, which finds no grant and leaves it to the engine").isEqualTo(1);

    revoke("gl-someone", null, "gl-task-18");
    List<Object> withRevoke = EngineCommands.inCommand(engine, context -> {
      CountingManager manager = new CountingManager();
      boolean answer = manager.isAuthorized("gl-someone", List.of("gl-group"), check);
      return List.of(answer, manager.statements, manager.isRevokeAuthCheckEnabled("gl-someone", List.of("gl-group")));
    });
    assertThat(withRevoke).as("the user's revoke on the task their group may work on: the engine refuses (its own statement,"
        + " not counted), though the group's grant is there, and the rest of the command checks revokes").containsExactly(false, 1, true);
  }

  /** The tuned manager, counting the plain statements it sends through the command's connection. */
  private static final class CountingManager extends TunedAuthorizationManager {
    int statements;

    @Override
    GrantLookup.Database database() {
      GrantLookup.Database database = super.database();
      Connection counted = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, arguments) -> {
            if (method.getName().equals("prepareStatement")) {
              statements++;
            }
            try {
              return method.invoke(database.connection(), arguments);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      return new GrantLookup.Database(counted, database.type(), database.prefix());
    }
  }

  @Test
  void checksTheLookupCannotDecideGoToTheEngine() {
    grant("gl-user", null, Resources.TASK, "gl-task-8", TaskPermissions.TASK_WORK);
    grant("gl-user", null, Resources.PROCESS_INSTANCE, "gl-instance", Permissions.ALL);

    CompositePermissionCheck both = new CompositePermissionCheck(false);
    both.setAtomicChecks(List.of(atomic(Resources.TASK, "gl-task-8", TaskPermissions.TASK_WORK), atomic(Resources.TASK, "gl-task-8", Permissions.DELETE)));
    assertThat(GrantLookup.answers(both)).as("both of two").isFalse();
    assertThat(inCommand(context -> GrantLookup.anyGrant(GrantLookup.Database.of(context.getDbSqlSession()), "gl-user", List.of(), both.getAtomicChecks())))
        .as("one of the two is granted").isTrue();
    assertThat(inCommand(context -> tuned(context).isAuthorized("gl-user", List.of(), both))).as("but not both").isFalse();

    CompositePermissionCheck nested = new CompositePermissionCheck(true);
    nested.setCompositeChecks(List.of(taskWork("gl-task-8"), taskWork("gl-task-9")));
    assertThat(GrantLookup.answers(nested)).as("checks of checks").isFalse();
    PermissionCheck notFoundMeansYes = atomic(Resources.TASK, "gl-task-9", TaskPermissions.TASK_WORK);
    notFoundMeansYes.setAuthorizationNotFoundReturnValue(1L);
    assertThat(GrantLookup.answers(anyOf(notFoundMeansYes))).as("yes when nothing is found").isFalse();
    PermissionCheck ofAColumn = atomic(Resources.TASK, null, TaskPermissions.TASK_WORK);
    ofAColumn.setResourceIdQueryParam("RES.ID_");
    assertThat(GrantLookup.answers(anyOf(ofAColumn))).as("a query's column").isFalse();

    CompositePermissionCheck mismatched = single(Resources.PROCESS_INSTANCE, "gl-instance", TaskPermissions.TASK_WORK);
    assertThatThrownBy(() -> inCommand(context -> new AuthorizationManager().isAuthorized("gl-user", List.of(), mismatched)))
        .as("the engine refuses a permission its resource does not have").isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(() -> inCommand(context -> tuned(context).isAuthorized("gl-user", List.of(), mismatched)))
        .as("so does the tuned manager, though the user holds ALL on it").isInstanceOf(ProcessEngineException.class);
  }

  private void revoke(String user, String group, String task) {
    Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(user);
    revoke.setGroupId(group);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(task);
    revoke.removePermission(TaskPermissions.TASK_WORK);
    revoke.removePermission(Permissions.UPDATE);
    created.add(engine.getAuthorizationService().saveAuthorization(revoke).getId());
  }

  private static TunedAuthorizationManager tuned(CommandContext context) {
    return (TunedAuthorizationManager) context.getAuthorizationManager();
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

  /** Typed, so that each answer is asserted as a boolean. */
  private boolean inCommand(Function<CommandContext, Boolean> answer) {
    return EngineCommands.inCommand(engine, answer);
  }
}
