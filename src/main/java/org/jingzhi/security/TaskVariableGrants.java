package org.jingzhi.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tasks created before variable permissions were enforced carry no {@code READ_VARIABLE} for their
 * candidates, so Tasklist could not load their forms. At start-up their grants get it, once; a task
 * created since has it from the engine.
 */
final class TaskVariableGrants {

  private static final Logger LOG = LoggerFactory.getLogger(TaskVariableGrants.class);
  private static final int PAGE = 500;

  private TaskVariableGrants() {
  }

  static int complete(AuthorizationService authorizations) {
    int upgraded = 0;
    for (int first = 0; ; first += PAGE) {
      List<Authorization> page = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
          .authorizationType(Authorization.AUTH_TYPE_GRANT).orderByResourceId().asc().listPage(first, PAGE);
      for (Authorization grant : page) {
        if (grant.isPermissionGranted(TaskPermissions.TASK_WORK) && !grant.isPermissionGranted(TaskPermissions.READ_VARIABLE)) {
          grant.addPermission(TaskPermissions.READ_VARIABLE);
          try {
            authorizations.saveAuthorization(grant);
            upgraded++;
          } catch (OptimisticLockingException anotherNodeDidIt) {
            // nodes starting together: the grant was completed by the other one
          }
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    if (upgraded > 0) {
      LOG.info("Granted READ_VARIABLE on {} open tasks created before variable permissions were enforced", upgraded);
    }
    return upgraded;
  }
}
