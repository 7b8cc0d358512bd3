package org.jingzhi.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Whether a task query can find only tasks the user may read: tasks of the user's own units as candidate groups (a
 * candidate group is granted its task when it becomes candidate) or tasks assigned to the user (granted to them on
 * assignment, or — a clerk's claim within their own unit — through that unit's grant; a clerk who leaves the unit hands
 * such claims back, {@code org.jingzhi.security.LeaversClaims}); the engine removes no task grant while the task is open.
 * Such a query needs no grant lookup per task — as long as those grants are never taken away (nothing here removes a
 * task's grants; whoever would, must end this shortcut too). Also which task queries {@link OwnWorkListing}'s statement
 * lists as the engine's does ({@link #listableOnce}), which ones {@link CaseTaskListing}'s does with its own grant check
 * ({@link #listableAsOneCase}) and which are counted in parts ({@link #disjointParts}).
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
  /** What the query around or-branches of own work may ask and still be counted part by part: Tasklist's active tasks. */
  private static final Set<String> PARTS_KEEP = Set.of("suspensionState");
  /** What the engine does with listed tasks afterwards, which the statement that lists them need not know. */
  private static final Set<String> AFTER_LISTING = Set.of("initializeFormKeys", "withCommentAttachmentInfo");
  /**
   * What a list of candidate groups may also ask and be listed by {@link OwnWorkListing}: the unit filters' criteria, and
   * one case (a unit's tasks in the case a clerk has open).
   */
  private static final Set<String> LISTING_KEEPS = union(
      Set.of("includeAssignedTasks", "dueBefore", "key", "taskDefinitionKeys", "suspensionState", "processInstanceId"),
      AFTER_LISTING);
  /** What a query of one case's tasks may also ask and be listed by {@link CaseTaskListing}: a step, active or suspended. */
  private static final Set<String> ONE_CASE_KEEPS = union(
      Set.of("processInstanceId", "key", "taskDefinitionKeys", "suspensionState"), AFTER_LISTING);
  /** What the query around 「待办」's or-branch may ask and be listed by {@link OwnWorkListing}. */
  private static final Set<String> BRANCH_LISTING_KEEPS = union(PARTS_KEEP, AFTER_LISTING);
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

  /**
   * The query as queries without an or-branch whose tasks never overlap and together are the query's, when it is one
   * or-branch of own work — 「待办」: tasks of the user's units unclaimed, or the user's — and asks nothing else but active or
   * suspended tasks; empty otherwise. The units' unclaimed tasks are one part, the user's tasks the other: a task is
   * unclaimed or the user's, never both, so the parts' counts add up to the query's.
   */
  static List<TaskQueryImpl> disjointParts(TaskQueryImpl query, Authentication user) {
    if (query.getQueries().size() != 2 || user == null || user.getUserId() == null || user.getGroupIds() == null
        || query.getCandidateGroup() != null || query.getCandidateGroupsInternal() != null || query.getAssignee() != null
        || !asksNothingElse(query, PARTS_KEEP)) {
      return List.of();
    }
    TaskQueryImpl branch = query.getQueries().get(1);
    if (!asksOnlyForOwnWork(branch, user)) {
      return List.of();
    }
    List<TaskQueryImpl> parts = new ArrayList<>();
    List<String> units = List.copyOf(new LinkedHashSet<>(candidateGroupsAsked(branch)));
    if (!units.isEmpty()) {
      parts.add(withSuspensionOf(query, new TaskQueryImpl().taskCandidateGroupIn(units)));
    }
    if (branch.getAssignee() != null) {
      parts.add(withSuspensionOf(query, new TaskQueryImpl().taskAssignee(user.getUserId())));
    }
    return parts;
  }

  /**
   * Whether {@link OwnWorkListing}'s statement lists the query's tasks as the engine's would, each once: tasks of candidate
   * groups — unclaimed, or assigned ones included — narrowed by nothing but a due date before, task definition keys,
   * active or suspended (the unit filters) and one case; or one or-branch of candidate groups' unclaimed tasks and an
   * assignee's, with nothing else asked but active or suspended (「待办」: two parts that never overlap); ordered by the
   * task's own columns.
   * Whose groups and which user are not asked here: the statement has no grant check, so it is used only where the
   * engine's would have none either ({@link OwnWorkTaskManager}).
   */
  static boolean listableOnce(TaskQueryImpl query) {
    if (!query.getOrderingProperties().stream().allMatch(QueryOrderingProperty::isContainedProperty)) {
      return false;
    }
    if (query.getQueries().size() == 1) {
      return query.getAssignee() == null && !candidateGroupsAsked(query).isEmpty() && asksNothingElse(query, LISTING_KEEPS);
    }
    if (query.getQueries().size() != 2 || query.getCandidateGroup() != null || query.getCandidateGroupsInternal() != null
        || query.getAssignee() != null || !asksNothingElse(query, BRANCH_LISTING_KEEPS)) {
      return false;
    }
    TaskQueryImpl branch = query.getQueries().get(1);
    return branch.getAssignee() != null && !candidateGroupsAsked(branch).isEmpty() && asksNothingElse(branch, Set.of());
  }

  /**
   * Whether {@link CaseTaskListing}'s statement lists the query's tasks as the engine's would: the tasks of one case,
   * narrowed by nothing but task definition keys and active or suspended, without an or-branch, a candidate group or an
   * assignee, ordered by the task's own columns. The statement checks the grants itself.
   */
  static boolean listableAsOneCase(TaskQueryImpl query) {
    return query.getQueries().size() == 1 && query.getProcessInstanceId() != null && candidateGroupsAsked(query).isEmpty()
        && query.getAssignee() == null && query.getOrderingProperties().stream().allMatch(QueryOrderingProperty::isContainedProperty)
        && asksNothingElse(query, ONE_CASE_KEEPS);
  }

  private static Set<String> union(Set<String> some, Set<String> more) {
    Set<String> both = new LinkedHashSet<>(some);
    both.addAll(more);
    return Set.copyOf(both);
  }

  private static TaskQueryImpl withSuspensionOf(TaskQueryImpl query, TaskQuery part) {
    if (SuspensionState.ACTIVE.equals(query.getSuspensionState())) {
      part.active();
    } else if (SuspensionState.SUSPENDED.equals(query.getSuspensionState())) {
      part.suspended();
    }
    return (TaskQueryImpl) part;
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
    if (!asksNothingElse(branch, Set.of())) {
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

  private static boolean asksNothingElse(TaskQueryImpl query, Set<String> allowed) {
    if (OTHER_CRITERIA.isEmpty()) {
      return false;
    }
    try {
      for (Field criterion : OTHER_CRITERIA) {
        Object value = criterion.get(query);
        if (!allowed.contains(criterion.getName()) && !Objects.deepEquals(value, criterion.get(NOTHING_ASKED))
            && !isEmptyProcessInstanceIdIn(criterion, value)) {
          return false;
        }
      }
      return true;
    } catch (IllegalAccessException unreadable) {
      return false;
    }
  }

  /**
   * A filter extended by a query without one gets it (Tasklist's list calls do): the engine's {@code TaskQueryImpl.extend}
   * calls {@code this.processInstanceIdIn()} — the setter with no arguments — where it means the getter; its statement
   * skips an empty list.
   */
  private static boolean isEmptyProcessInstanceIdIn(Field criterion, Object value) {
    return criterion.getName().equals("processInstanceIdIn") && value instanceof String[] ids && ids.length == 0;
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
