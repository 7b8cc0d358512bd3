package org.jingzhi.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * The criteria of a task query of one case — a REST client or clerk looking for the case's task at a step — for
 * {@code CaseTasks.xml}'s statement, which checks the user's grants as the engine's statement does but asks for each kind of
 * grant by its own index: the engine joins every task row with all grants on the task, on its process and on {@code *},
 * and PostgreSQL can narrow the grants on {@code *} by resource id alone — the 44 of the demo city, read for every task row
 * (README 「Performance at city scale」). Made only from a query {@link OwnWorkTaskQuery#listableAsOneCase} accepted, configured
 * by the engine, whose grant check is the engine's task-read check without revokes ({@link #of}).
 */
public final class CaseTaskListing extends TaskListingCriteria {

  static final String STATEMENT = "org.jingzhi.engine.CaseTasks.selectGrantedTasksOfOneCase";
  static final String MAPPER = "org/jingzhi/engine/CaseTasks.xml";

  private final String userId;
  private final List<String> groupIds;
  private final List<PermissionCheck> checks;

  private CaseTaskListing(TaskQueryImpl query, AuthorizationCheck grants) {
    super(query);
    this.userId = grants.getAuthUserId();
    // not List.copyOf: a null group, as in the engine's statement, matches nothing
    this.groupIds = grants.getAuthGroupIds() == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(grants.getAuthGroupIds()));
    this.checks = List.copyOf(grants.getPermissionChecks().getAtomicChecks());
  }

  /**
   * The listing of a configured query, when the statement checks its grants as the engine's would: a user's grants are
   * checked, no revoke applies (with one, the engine's statement asks for each grant whether a revoke outweighs it), and
   * the checks are atomic and any one of them is enough — the engine's task-read check (READ on the task, READ_TASK on its
   * process). Empty otherwise.
   */
  static Optional<CaseTaskListing> of(TaskQueryImpl query) {
    AuthorizationCheck grants = query.getAuthCheck();
    CompositePermissionCheck checks = grants.getPermissionChecks();
    if (!OwnWorkTaskQuery.listableAsOneCase(query) || !grants.getShouldPerformAuthorizatioCheck() || grants.getAuthUserId() == null
        || grants.isRevokeAuthorizationCheckEnabled() || checks == null || !checks.isDisjunctive() || checks.getAtomicChecks().isEmpty()
        || !checks.getCompositeChecks().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CaseTaskListing(query, grants));
  }

  public String getUserId() {
    return userId;
  }

  public List<String> getGroupIds() {
    return groupIds;
  }

  public List<PermissionCheck> getChecks() {
    return checks;
  }
}
