package org.jingzhi.security;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Mitigates CVE-2026-109432: in 7.24.0 the "or" branches of an ad-hoc task query are not checked
 * against {@code enableExpressionsInAdhocQueries}, so their JUEL expressions are evaluated (remote code
 * execution through {@code POST /engine-rest/task} or a filter's extending query). Before such a
 * query runs, this interceptor refuses it when a branch carries an expression, as the engine does
 * for the query's top level. Stored filter queries are not ad hoc and keep their documented behaviour.
 */
public class OrQueryExpressionGuard extends CommandInterceptor {

  static final String REFUSAL = "Expressions are forbidden in adhoc queries, or-queries included (表达式不能用于即席查询)";
  private static final Field EXTENDING_QUERY = extendingQueryField();

  private final ProcessEngineConfigurationImpl configuration;

  public OrQueryExpressionGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (!configuration.isEnableExpressionsInAdhocQueries()) {
      // an ad-hoc task query runs as a command of its own; a filter carries the caller's query as its extension
      if (command instanceof TaskQueryImpl query) {
        refuseExpressionsInBranches(query);
      } else if (command instanceof AbstractExecuteFilterCmd filter && extendingQuery(filter) instanceof TaskQueryImpl query) {
        refuseExpressionsInBranches(query);
      }
    }
    return next.execute(command);
  }

  private static void refuseExpressionsInBranches(TaskQueryImpl query) {
    for (TaskQueryImpl branch : query.getQueries()) {
      if (branch != query && !branch.getExpressions().isEmpty()) {
        throw new BadUserRequestException(REFUSAL);
      }
    }
  }

  private static Object extendingQuery(AbstractExecuteFilterCmd command) {
    try {
      return EXTENDING_QUERY.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The engine keeps the caller's query in a protected field without accessor. */
  private static Field extendingQueryField() {
    try {
      Field field = AbstractExecuteFilterCmd.class.getDeclaredField("extendingQuery");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda changed AbstractExecuteFilterCmd; review the CVE-2026-109432 guard", e);
    }
  }
}
