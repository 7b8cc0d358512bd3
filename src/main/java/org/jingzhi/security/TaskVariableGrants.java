package org.jingzhi.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tasks created before variable permissions were enforced carry no {@code READ_VARIABLE} for their
 * candidates, so Tasklist could not load their forms. At the first start with enforcement their grants
 * get it; the engine property {@value #DONE} records that, so later starts skip the scan. A task
 * created since has the grant from the engine.
 */
final class TaskVariableGrants {

  private static final Logger LOG = LoggerFactory.getLogger(TaskVariableGrants.class);
  private static final int PAGE = 500;
  static final String DONE = "jingzhi.task-read-variable-grants";

  private TaskVariableGrants() {
  }

  static void completeOnce(ManagementService management, AuthorizationService authorizations) {
    if (!management.getProperties().containsKey(DONE)) {
      complete(authorizations);
      try {
        management.setProperty(DONE, "done");
      } catch (ProcessEngineException anotherNodeRecordedIt) {
        // nodes starting together: the other one recorded it first
      }
    }
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
