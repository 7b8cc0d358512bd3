package org.jingzhi.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Whether a task query can find only tasks the user may read: tasks of the user's own units as candidate groups (a
 * candidate group is granted its task when it becomes candidate) or tasks assigned to the user (granted to them on
 * assignment, or — a clerk's claim within their own unit — through that unit's grant; a clerk who leaves the unit hands
 * such claims back, {@code org.jingzhi.security.LeaversClaims}); the engine removes no task grant while the task is open.
 * Such a query needs no grant lookup per task — as long as those grants are never taken away (nothing here removes a
 * task's grants; whoever would, must end this shortcut too).
 *
 * <p>The query's own criteria narrow what it finds, so one of them restricting to own work is enough. An or-branch
 * widens instead: it counts only when it holds nothing but own candidate groups and the user as assignee — every other
 * criterion of {@link TaskQueryImpl}, including ones a later engine version adds, is compared with a fresh query's, and
 * any difference means the grants are checked as before.
 */
final class OwnWorkTaskQuery {

  private static final Set<String> OWN_WORK_CRITERIA = Set.of("candidateGroup", "candidateGroups", "assignee");
  /** How an or-branch belongs to its query, not what it asks. */
  private static final Set<String> BRANCH_PLUMBING = Set.of("isOrQueryActive", "queries");
  private static final List<Field> OTHER_CRITERIA = otherCriteria();
  private static final TaskQueryImpl NOTHING_ASKED = new TaskQueryImpl();

  private OwnWorkTaskQuery() {
  }

  static boolean findsOnlyOwnWork(TaskQueryImpl query, Authentication user) {
    if (user == null || user.getUserId() == null || user.getGroupIds() == null) {
      return false;
    }
    List<TaskQueryImpl> branches = query.getQueries().subList(1, query.getQueries().size());
    return restrictsToOwnCandidateGroups(query, user) || user.getUserId().equals(query.getAssignee())
        || !branches.isEmpty() && branches.stream().allMatch(branch -> asksOnlyForOwnWork(branch, user));
  }

  private static boolean restrictsToOwnCandidateGroups(TaskQueryImpl query, Authentication user) {
    // a candidate user or pattern adds groups to the candidate groups it asks for
    if (query.getCandidateUser() != null || query.getCandidateGroupLike() != null || query.getInvolvedUser() != null) {
      return false;
    }
    List<String> asked = candidateGroupsAsked(query);
    return !asked.isEmpty() && user.getGroupIds().containsAll(asked);
  }

  private static boolean asksOnlyForOwnWork(TaskQueryImpl branch, Authentication user) {
    if (!asksNothingElse(branch)) {
      return false;
    }
    List<String> groups = candidateGroupsAsked(branch);
    boolean groupsOwn = branch.getCandidateGroupsInternal() == null && branch.getCandidateGroup() == null
        || !groups.isEmpty() && user.getGroupIds().containsAll(groups);
    boolean assigneeOwn = branch.getAssignee() == null || branch.getAssignee().equals(user.getUserId());
    return groupsOwn && assigneeOwn && (!groups.isEmpty() || branch.getAssignee() != null);
  }

  private static List<String> candidateGroupsAsked(TaskQueryImpl query) {
    List<String> asked = new ArrayList<>();
    if (query.getCandidateGroup() != null) {
      asked.add(query.getCandidateGroup());
    }
    if (query.getCandidateGroupsInternal() != null) {
      asked.addAll(query.getCandidateGroupsInternal());
    }
    return asked;
  }

  private static boolean asksNothingElse(TaskQueryImpl branch) {
    if (OTHER_CRITERIA.isEmpty()) {
      return false;
    }
    try {
      for (Field criterion : OTHER_CRITERIA) {
        if (!Objects.deepEquals(criterion.get(branch), criterion.get(NOTHING_ASKED))) {
          return false;
        }
      }
      return true;
    } catch (IllegalAccessException unreadable) {
      return false;
    }
  }

  /** Empty when they cannot be read: then no or-branch is trusted, and the grants are checked as the engine does. */
  private static List<Field> otherCriteria() {
    List<Field> criteria = new ArrayList<>();
    try {
      for (Field field : TaskQueryImpl.class.getDeclaredFields()) {
        String name = field.getName();
        if (!Modifier.isStatic(field.getModifiers()) && !OWN_WORK_CRITERIA.contains(name) && !BRANCH_PLUMBING.contains(name)) {
          field.setAccessible(true);
          criteria.add(field);
        }
      }
      return List.copyOf(criteria);
    } catch (RuntimeException inaccessible) {
      return List.of();
    }
  }
}
