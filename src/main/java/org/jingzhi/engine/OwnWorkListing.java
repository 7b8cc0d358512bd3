package org.jingzhi.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * The criteria of a task list by candidate groups — the unit filters, 「待办」, a unit's tasks in one case — for
 * {@code OwnWorkTasks.xml}'s statement, which lists each task once without the engine's {@code SELECT DISTINCT} (see the
 * statement's comment). Built from a query {@link OwnWorkTaskQuery#listableOnce} accepted and the engine configured, with
 * that query's order, page and tenant check; it carries no grant check, and is made only for queries that need none
 * ({@link OwnWorkTaskManager}).
 */
public final class OwnWorkListing extends TaskListingCriteria {

  static final String STATEMENT = "org.jingzhi.engine.OwnWorkTasks.selectOwnWorkTasksOnce";
  static final String MAPPER = "org/jingzhi/engine/OwnWorkTasks.xml";

  private final List<String> candidateGroups;
  private final boolean includeAssignedTasks;
  private final String orAssignee;

  private OwnWorkListing(TaskQueryImpl query, TaskQueryImpl candidates, String orAssignee) {
    super(query);
    // not List.copyOf: a client may name a null group, which the statement, as the engine's, then matches with nothing
    this.candidateGroups = Collections.unmodifiableList(new ArrayList<>(candidates.getCandidateGroups()));
    this.includeAssignedTasks = candidates.isIncludeAssignedTasks();
    this.orAssignee = orAssignee;
  }

  /** A unit filter: tasks of these candidate groups, unclaimed unless assigned ones are included, narrowed as asked. */
  static OwnWorkListing ofCandidateGroups(TaskQueryImpl query) {
    return new OwnWorkListing(query, query, null);
  }

  /**
   * 「待办」: the active or suspended tasks of its one or-branch — the branch's candidate groups' unclaimed tasks, or the
   * assignee's.
   */
  static OwnWorkListing ofCandidateGroupsOrAssignee(TaskQueryImpl query) {
    TaskQueryImpl branch = query.getQueries().get(1);
    return new OwnWorkListing(query, branch, branch.getAssignee());
  }

  public List<String> getCandidateGroups() {
    return candidateGroups;
  }

  public boolean isIncludeAssignedTasks() {
    return includeAssignedTasks;
  }

  public String getOrAssignee() {
    return orAssignee;
  }

  /** How many tasks of each part a page needs at most: all up to its last; null when the whole list is asked for. */
  public Integer getPagesEnd() {
    if (getMaxResults() == Integer.MAX_VALUE) {
      return null;
    }
    return (int) Math.min(Integer.MAX_VALUE, (long) getFirstResult() + getMaxResults());
  }
}
