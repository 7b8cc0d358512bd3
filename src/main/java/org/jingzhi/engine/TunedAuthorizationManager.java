package org.jingzhi.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks, with three costs taken out (README 「Performance at city scale」); the answers stay
 * the same.
 * <ul>
 *   <li>No group filter: before checking, the engine narrows the user's groups to those that hold any authorization, with
 *   {@code SELECT distinct GROUP_ID_ FROM ACT_RU_AUTHORIZATION} once per command — a scan of a table that grows with every
 *   case. A group without authorizations cannot grant anything, so the user's groups are passed as they are.</li>
 *   <li>No grant lookup per task when a task query can find only the user's own work (the Tasklist filters 「待办」
 *   「本单位待办」「我的待办」「即将超期」…, a unit's REST clients): tasks of the user's own units as candidate groups, or
 *   assigned to the user ({@link OwnWorkTaskQuery}). The engine grants a candidate group its task when it becomes candidate
 *   and an assignee its task on assignment (unless the assignee claimed it within their own unit, whose grant covers them
 *   while they stay in it), and removes none of them while the task is open, so each task such a query finds is one the
 *   user may read. Checking it again joined
 *   every task with the unit's grants — one per task — and took 28 s for a unit with 20,000 open tasks. Queries for other
 *   units' groups, candidate users or group patterns, or-branches that ask anything else, are checked as before, and so is
 *   every query while any revoke authorization could apply.</li>
 *   <li>A permission check (may this user work on this task, start this process…) asks {@link GrantLookup} first while the
 *   engine's own per-command test finds no revoke authorization that could apply: one plain statement instead of the
 *   engine's generated chain of grants and revokes. The per-command test for revokes is the engine's statement, written
 *   out in plain JDBC too; with the command's first such check, both are one statement.
 *   Finding no grant, the engine is asked as before, so every refusal is the engine's own.</li>
 * </ul>
 */
class TunedAuthorizationManager extends AuthorizationManager {

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    return authenticatedGroupIds == null || authenticatedGroupIds.isEmpty() ? new ArrayList<>() : authenticatedGroupIds;
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
    return grantFound(userId, groupIds, check) || super.isAuthorized(userId, groupIds, check);
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
    return isAuthorizationEnabled() && grantFound(userId, groupIds, createCompositePermissionCheck(check))
        || super.isAuthorized(userId, groupIds, check);
  }

  /** As the engine's (once a command, unless configured always or never), with the same statement written out. */
  @Override
  protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
    if (revokesStillToBeTested()) {
      isRevokeAuthCheckUsed = GrantLookup.anyRevoke(database(), userId, filterAuthenticatedGroupIds(groupIds));
    }
    return super.isRevokeAuthCheckEnabled(userId, groupIds);
  }

  /**
   * The short way's yes, where it is the engine's; false where the engine must answer. A command's first check asks
   * the test for revokes and the grants in one statement.
   */
  boolean grantFound(String userId, List<String> groupIds, CompositePermissionCheck check) {
    if (!GrantLookup.answers(check) || !check.getAtomicChecks().stream().allMatch(this::isResourceValidForPermission)) {
      return false;
    }
    List<String> groups = filterAuthenticatedGroupIds(groupIds);
    if (revokesStillToBeTested()) {
      GrantLookup.Found found = GrantLookup.revokeOrGrant(database(), userId, groups, check.getAtomicChecks());
      isRevokeAuthCheckUsed = found == GrantLookup.Found.REVOKE_CAN_APPLY;
      return found == GrantLookup.Found.GRANT;
    }
    return !isRevokeAuthCheckEnabled(userId, groupIds) && GrantLookup.anyGrant(database(), userId, groups, check.getAtomicChecks());
  }

  /** Revokes are tested once a command, unless configured always or never (then the engine's setting answers). */
  private boolean revokesStillToBeTested() {
    String mode = Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes();
    return isRevokeAuthCheckUsed == null && !ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS.equalsIgnoreCase(mode)
        && !ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER.equalsIgnoreCase(mode);
  }

  /** The command's own connection; a test counts the statements sent through it. */
  GrantLookup.Database database() {
    return GrantLookup.Database.of(getDbSqlSession());
  }

  @Override
  public void configureTaskQuery(TaskQueryImpl query) {
    super.configureTaskQuery(query);
    if (query.getAuthCheck().isAuthorizationCheckEnabled() && !query.getAuthCheck().isRevokeAuthorizationCheckEnabled()
        && OwnWorkTaskQuery.findsOnlyOwnWork(query, getCurrentAuthentication())) {
      query.getAuthCheck().setAuthorizationCheckEnabled(false);
    }
  }
}
