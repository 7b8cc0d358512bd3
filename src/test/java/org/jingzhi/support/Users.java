package org.jingzhi.support;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

public final class Users {

  private Users() {
  }

  public static List<String> groupsOf(IdentityService identity, String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  /** Acts as {@code userId} with its groups, as the REST API and the webapps do for a logged-in user. */
  public static void actAs(IdentityService identity, String userId) {
    identity.clearAuthentication();
    identity.setAuthentication(userId, groupsOf(identity, userId));
  }
}
