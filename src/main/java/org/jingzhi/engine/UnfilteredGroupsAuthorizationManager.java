package org.jingzhi.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks without their group filter. Before checking, the engine narrows the user's groups to
 * those that hold any authorization, with {@code SELECT distinct GROUP_ID_ FROM ACT_RU_AUTHORIZATION} once per command — a
 * scan of a table that grows with every case (each case grants its units), and most of the rows the platform read per
 * case (README 「Database work per case」). The filter only saves the checks a condition on a group without
 * authorizations, which cannot grant anything: passing the user's groups as they are gives the same answers.
 */
class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    return authenticatedGroupIds == null || authenticatedGroupIds.isEmpty() ? new ArrayList<>() : authenticatedGroupIds;
  }

  /** Opens it in place of the engine's own, for every command. */
  static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new UnfilteredGroupsAuthorizationManager();
    }
  }
}
