package org.jingzhi.security;

import org.camunda.bpm.engine.impl.QueryValidators.AdhocQueryValidator;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Mitigates CVE-2026-109432: in 7.24.0 the "or" branches of an ad-hoc task query are built without
 * the ad-hoc validator, so their JUEL expressions are evaluated although
 * {@code enableExpressionsInAdhocQueries} is off (remote code execution through
 * {@code POST /engine-rest/task} or a filter's extending query). Every task query the engine hands
 * out gives its or-branches the same validator as the query itself. Stored filter queries are
 * built elsewhere and keep their documented behaviour.
 */
public final class OrQueryExpressionGuard {

  private OrQueryExpressionGuard() {
  }

  /** The task service whose queries carry the guard. */
  public static class GuardedTaskService extends TaskServiceImpl {

    @Override
    public TaskQuery createTaskQuery() {
      return new GuardedTaskQuery(commandExecutor);
    }
  }

  static class GuardedTaskQuery extends TaskQueryImpl {

    GuardedTaskQuery(CommandExecutor commandExecutor) {
      super(commandExecutor);
    }

    @Override
    public TaskQuery or() {
      TaskQueryImpl branch = (TaskQueryImpl) super.or();
      branch.addValidator(AdhocQueryValidator.get());
      return branch;
    }

    @Override
    public void addOrQuery(TaskQueryImpl branch) {
      branch.addValidator(AdhocQueryValidator.get());
      super.addOrQuery(branch);
    }
  }
}
