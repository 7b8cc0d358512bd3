package org.jingzhi.security;

import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Lets a unit read a case it did not work on as a task's candidate, the way
 * {@link ParticipantAuthorizationProvider} lets a task's units read theirs: running and in history
 * (the history grant goes with the case when history cleanup removes it). Used for the unit that
 * reported an event, which follows it.
 */
public final class CaseReadGrants {

  private CaseReadGrants() {
  }

  /** Inside the command that started the case; {@code rootProcessInstanceId}: the case at the top of its tree. */
  public static void grant(CommandContext context, String groupId, String processInstanceId, String rootProcessInstanceId) {
    insert(context, groupId, Resources.PROCESS_INSTANCE, Permissions.READ, processInstanceId, rootProcessInstanceId);
    if (context.getProcessEngineConfiguration().isEnableHistoricInstancePermissions()) {
      insert(context, groupId, Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ, processInstanceId,
          rootProcessInstanceId);
    }
  }

  /**
   * The removal time the case's tree was stamped with when its root started, as the engine gives its own history grants:
   * history cleanup removes the grant with the history it opens. Null while the strategy stamps history only when a case
   * ends — the end stamps the grant with the rest.
   */
  private static Date removalTime(CommandContext context, String rootProcessInstanceId) {
    HistoricProcessInstanceEventEntity root = context.getDbEntityManager().selectById(HistoricProcessInstanceEventEntity.class,
        rootProcessInstanceId);
    return root == null ? null : root.getRemovalTime();
  }

  private static void insert(CommandContext context, String groupId, Resource resource, Permission read, String processInstanceId,
                             String rootProcessInstanceId) {
    boolean pending = context.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .anyMatch(existing -> existing.getResourceType() == resource.resourceType() && processInstanceId.equals(existing.getResourceId())
            && Objects.equals(groupId, existing.getGroupId()));
    if (pending) {
      return;
    }
    AuthorizationEntity authorization = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(processInstanceId);
    authorization.addPermission(read);
    if (resource == Resources.HISTORIC_PROCESS_INSTANCE) {
      authorization.setRootProcessInstanceId(rootProcessInstanceId);
      authorization.setRemovalTime(removalTime(context, rootProcessInstanceId));
    }
    context.getAuthorizationManager().insert(authorization);
  }
}
