package org.jingzhi.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Besides the engine's default grant on a task for its candidate groups and users, lets them read
 * the case the task belongs to (its process instance and, for a task of a called process, the case
 * that called it; running and in history). A unit thus sees exactly the cases it has worked on, and
 * nothing else.
 *
 * <p>A clerk who claims a task of one of their own units gets no grants of their own: the unit's
 * grants on the task, its history and the case already cover them (the same permissions, and the engine
 * removes none of them while the task is open), and four more rows per claim were a tenth of what a case
 * writes. A task assigned to anyone else — by another user, to someone outside its units — gets the
 * assignee's own grants as before.
 *
 * <p>A task or case the command itself creates has no grant in the database yet, so the engine's look-up of an
 * existing grant to extend is not asked for it: a case's first task, a review, a supervision case and its task each
 * saved two to four statements. A standalone task, whose id the client may choose, is still looked up.
 */
public class ParticipantAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    if (newAssignee != null && claimedWithinOwnUnit(task, newAssignee)) {
      return null;
    }
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  private static boolean claimedWithinOwnUnit(Task task, String assignee) {
    Authentication claimant = Context.getCommandContext().getAuthentication();
    if (claimant == null || !assignee.equals(claimant.getUserId()) || claimant.getGroupIds() == null) {
      return false;
    }
    // the links in the database, not the task's cached list (which later link changes of this command would leave stale);
    // a link added earlier in this same command is not among them, and the claimant then gets grants of their own
    return Context.getCommandContext().getIdentityLinkManager().findIdentityLinksByTaskId(task.getId()).stream()
        .anyMatch(link -> link.getGroupId() != null && claimant.getGroupIds().contains(link.getGroupId()));
  }

  @Override
  protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
    List<AuthorizationEntity> authorizations = new ArrayList<>(Arrays.asList(super.createOrUpdateAuthorizations(task, groupId, userId)));
    for (String processInstanceId : casesOf(task)) {
      authorizations.add(grantRead(task, Resources.PROCESS_INSTANCE, Permissions.READ, processInstanceId, userId, groupId));
      if (isHistoricInstancePermissionsEnabled()) {
        authorizations.add(grantRead(task, Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ,
            processInstanceId, userId, groupId));
      }
    }
    authorizations.removeIf(Objects::isNull);
    return authorizations.toArray(new AuthorizationEntity[0]);
  }

  /** The grant to extend, or null: the engine's look-up, unless the resource is new in this command. */
  @Override
  protected AuthorizationEntity getGrantAuthorization(String resourceId, String userId, String groupId, Resource resource) {
    if (createdInThisCommand(resource, resourceId)) {
      return null;
    }
    return super.getGrantAuthorization(resourceId, userId, groupId, resource);
  }

  /**
   * Whether the task or process instance this resource names waits in this command's cache to be inserted, with an id the
   * engine generated: nothing in the database can name it yet (the engine's look-up, which reads only the database, would
   * find nothing either). A standalone task's id may be chosen by the client and granted on beforehand, so it is looked up.
   */
  private static boolean createdInThisCommand(Resource resource, String resourceId) {
    Class<? extends DbEntity> type = entityOf(resource);
    if (type == null || resourceId == null) {
      return false;
    }
    CachedDbEntity cached = Context.getCommandContext().getDbEntityManager().getDbEntityCache().getCachedEntity(type, resourceId);
    if (cached == null || cached.getEntityState() != DbEntityState.TRANSIENT) {
      return false;
    }
    return !(cached.getEntity() instanceof TaskEntity task) || task.getExecutionId() != null;
  }

  private static Class<? extends DbEntity> entityOf(Resource resource) {
    if (resource == Resources.TASK || resource == Resources.HISTORIC_TASK) {
      return TaskEntity.class;
    }
    if (resource == Resources.PROCESS_INSTANCE || resource == Resources.HISTORIC_PROCESS_INSTANCE) {
      return ExecutionEntity.class;
    }
    return null;
  }

  private static List<String> casesOf(Task task) {
    if (task.getProcessInstanceId() == null) {
      return List.of();
    }
    String root = getRootProcessInstanceIdOf(task);
    return root == null || root.equals(task.getProcessInstanceId()) ? List.of(task.getProcessInstanceId())
        : List.of(task.getProcessInstanceId(), root);
  }

  private static String getRootProcessInstanceIdOf(Task task) {
    ExecutionEntity execution = ((TaskEntity) task).getExecution();
    return execution == null ? null : execution.getRootProcessInstanceId();
  }

  /** The authorization to save, or null when nothing needs saving. */
  private AuthorizationEntity grantRead(Task task, Resource resource, Permission read, String resourceId, String userId, String groupId) {
    if (pendingInThisCommand(resource, read, resourceId, userId, groupId)) {
      return null;
    }
    AuthorizationEntity existing = getGrantAuthorization(resourceId, userId, groupId, resource);
    if (existing == null) {
      AuthorizationEntity created = createAuthorization(userId, groupId, resource, resourceId, read);
      if (resource == Resources.HISTORIC_PROCESS_INSTANCE) {
        provideRemovalTime(created, task);
      }
      return created;
    }
    if (existing.isPermissionGranted(read)) {
      return null;
    }
    addPermissions(existing, read);
    return existing;
  }

  /**
   * Several tasks of one case for one unit can be created in the same command; the grant for the
   * first is not yet flushed when the second asks for it, and inserting it twice would break the
   * unique key on authorizations.
   */
  private boolean pendingInThisCommand(Resource resource, Permission read, String resourceId, String userId, String groupId) {
    return Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .anyMatch(candidate -> candidate.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
            && candidate.getResourceType() == resource.resourceType()
            && resourceId.equals(candidate.getResourceId())
            && Objects.equals(userId, candidate.getUserId())
            && Objects.equals(groupId, candidate.getGroupId())
            && candidate.isPermissionGranted(read));
  }
}
