package org.jingzhi.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clerk's claim of a task of their own unit rests on the unit's grants ({@link ParticipantAuthorizationProvider}). When
 * the clerk leaves the unit — a membership removed in Admin or by the organization sync, the unit deleted — the open
 * tasks they claimed there go back to the unit, unassigned, instead of staying in 「我的待办」 of someone who may no longer
 * read them. A task that one of their remaining units may still work on, or that was assigned to them with grants of
 * their own, stays theirs. A deleted user's open tasks all go back.
 */
final class LeaversClaims {

  private static final Logger LOG = LoggerFactory.getLogger(LeaversClaims.class);

  private LeaversClaims() {
  }

  /** The users of the group, read before it is deleted. */
  static List<String> membersOf(CommandContext context, String groupId) {
    return context.runWithoutAuthorization(() -> {
      DbUserQueryImpl members = new DbUserQueryImpl();
      members.memberOfGroup(groupId);
      return members.executeList(context, null).stream().map(User::getId).toList();
    });
  }

  /** {@code leftGroupId}: the unit the user left, or null when the user was deleted. */
  static void handBack(CommandContext context, String userId, String leftGroupId) {
    context.runWithoutAuthorization(() -> {
      // the membership's deletion is not yet in the database this command reads
      Set<String> remainingGroups = leftGroupId == null ? new HashSet<>() : groupsOf(context, userId);
      remainingGroups.remove(leftGroupId);
      List<String> handedBack = new ArrayList<>();
      for (Task task : claimedBy(userId, context)) {
        if (task.isSuspended()) {
          LOG.warn("Task {} stays claimed by {}, who left {}: its case is suspended; reassign it once the case is activated",
              task.getId(), userId, leftGroupId == null ? "the platform" : leftGroupId);
        } else if (leftGroupId == null
            || !workableByOneOf(context, task, remainingGroups) && !hasOwnGrant(context, userId, task.getId())) {
          new AssignTaskCmd(task.getId(), null).execute(context);
          handedBack.add(task.getId());
        }
      }
      if (!handedBack.isEmpty()) {
        LOG.info("{} left {}: tasks {} are back with their units", userId, leftGroupId == null ? "the platform" : leftGroupId,
            handedBack);
      }
      return null;
    });
  }

  private static List<Task> claimedBy(String userId, CommandContext context) {
    TaskQueryImpl claimed = new TaskQueryImpl();
    claimed.taskAssignee(userId);
    return claimed.executeList(context, null);
  }

  private static Set<String> groupsOf(CommandContext context, String userId) {
    DbGroupQueryImpl query = new DbGroupQueryImpl();
    query.groupMember(userId);
    return query.executeList(context, null).stream().map(Group::getId).collect(Collectors.toCollection(HashSet::new));
  }

  private static boolean workableByOneOf(CommandContext context, Task task, Set<String> groups) {
    return context.getIdentityLinkManager().findIdentityLinksByTaskId(task.getId()).stream()
        .anyMatch(link -> link.getGroupId() != null && groups.contains(link.getGroupId()));
  }

  private static boolean hasOwnGrant(CommandContext context, String userId, String taskId) {
    AuthorizationQueryImpl grants = new AuthorizationQueryImpl();
    grants.userIdIn(userId).resourceType(Resources.TASK).resourceId(taskId).authorizationType(Authorization.AUTH_TYPE_GRANT);
    return grants.executeCount(context) > 0;
  }
}
