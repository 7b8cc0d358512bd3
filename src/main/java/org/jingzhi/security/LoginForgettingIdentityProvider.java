package org.jingzhi.security;

import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The engine's database identity provider; every write through it makes {@link VerifiedLogins} forget the kept logins, and
 * a user who leaves a unit hands back the tasks they claimed there ({@link LeaversClaims}).
 */
class LoginForgettingIdentityProvider extends DbIdentityServiceProvider {

  private final VerifiedLogins logins;

  LoginForgettingIdentityProvider(VerifiedLogins logins) {
    this.logins = logins;
  }

  private <T> T forgetting(T result) {
    logins.forgetAll();
    return result;
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    return forgetting(super.saveUser(user));
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    IdentityOperationResult result = super.deleteUser(userId);
    if (deleted(result)) {
      LeaversClaims.handBack(Context.getCommandContext(), userId, null);
    }
    return forgetting(result);
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    return forgetting(super.unlockUser(userId));
  }

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    return forgetting(super.saveGroup(group));
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    List<String> members = LeaversClaims.membersOf(Context.getCommandContext(), groupId);
    IdentityOperationResult result = super.deleteGroup(groupId);
    if (deleted(result)) {
      members.forEach(member -> LeaversClaims.handBack(Context.getCommandContext(), member, groupId));
    }
    return forgetting(result);
  }

  private static boolean deleted(IdentityOperationResult result) {
    return IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation());
  }

  @Override
  public IdentityOperationResult saveTenant(Tenant tenant) {
    return forgetting(super.saveTenant(tenant));
  }

  @Override
  public IdentityOperationResult deleteTenant(String tenantId) {
    return forgetting(super.deleteTenant(tenantId));
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    return forgetting(super.createMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    IdentityOperationResult result = super.deleteMembership(userId, groupId);
    if (deleted(result)) {
      LeaversClaims.handBack(Context.getCommandContext(), userId, groupId);
    }
    return forgetting(result);
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    return forgetting(super.createTenantUserMembership(tenantId, userId));
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    return forgetting(super.createTenantGroupMembership(tenantId, groupId));
  }

  @Override
  public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
    return forgetting(super.deleteTenantUserMembership(tenantId, userId));
  }

  @Override
  public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
    return forgetting(super.deleteTenantGroupMembership(tenantId, groupId));
  }

  /** Opens it in place of the engine's own provider, for reads and writes. */
  static final class Factory implements SessionFactory {

    private final VerifiedLogins logins;

    Factory(VerifiedLogins logins) {
      this.logins = logins;
    }

    @Override
    public Class<?> getSessionType() {
      return LoginForgettingIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new LoginForgettingIdentityProvider(logins);
    }
  }
}
