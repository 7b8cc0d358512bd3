package org.jingzhi.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractVariableQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.QueryOperator;
import org.camunda.bpm.engine.impl.QueryVariableValue;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;

/**
 * A query filtered by a variable's value reads that value: a department that may read a case could
 * otherwise learn, one {@code like} at a time, text it may not see (the consolidated result, another
 * department's reasons). Whoever may not read every variable filters by value with {@code eq} only,
 * which finds a case by its number but guesses nothing. (Variable instance queries are left alone:
 * they only ever match variables the caller may read.)
 */
final class VariableFilterRules {

  static final String REFUSAL = "按变量取值查询只能用「等于」（eq）：模糊和比较查询会透露看不到的内容";

  private VariableFilterRules() {
  }

  /** True for the queries this rule looks at. */
  static boolean applies(Object command) {
    return command instanceof TaskQueryImpl || command instanceof HistoricTaskInstanceQueryImpl
        || command instanceof AbstractVariableQueryImpl<?, ?> && !(command instanceof VariableInstanceQueryImpl);
  }

  /** Refuses a filter other than {@code eq} unless the caller may read every variable (asked only then: it costs a query). */
  static void check(Object query, BooleanSupplier mayReadEveryVariable) {
    for (QueryVariableValue filter : filters(query)) {
      if (filter.getOperator() != QueryOperator.EQUALS && !mayReadEveryVariable.getAsBoolean()) {
        throw new BadUserRequestException(REFUSAL + "：" + filter.getName());
      }
    }
  }

  private static List<QueryVariableValue> filters(Object query) {
    List<QueryVariableValue> filters = new ArrayList<>();
    if (query instanceof TaskQueryImpl task) {
      collect(task, task.getQueries(), TaskQueryImpl::getVariables, filters);
    } else if (query instanceof HistoricTaskInstanceQueryImpl task) {
      collect(task, task.getQueries(), HistoricTaskInstanceQueryImpl::getVariables, filters);
    } else if (query instanceof ProcessInstanceQueryImpl instance) {
      collect(instance, instance.getQueries(), ProcessInstanceQueryImpl::getQueryVariableValues, filters);
    } else if (query instanceof HistoricProcessInstanceQueryImpl instance) {
      collect(instance, instance.getQueries(), HistoricProcessInstanceQueryImpl::getQueryVariableValues, filters);
    } else if (query instanceof AbstractVariableQueryImpl<?, ?> other) {
      filters.addAll(other.getQueryVariableValues());
    }
    return filters;
  }

  /** The query's own filters and those of its or-branches (the list holds the query itself first). */
  private static <Q> void collect(Q query, List<Q> branches, Function<Q, List<? extends QueryVariableValue>> variables,
                                  List<QueryVariableValue> filters) {
    filters.addAll(variables.apply(query));
    for (Q branch : branches) {
      if (branch != query) {
        filters.addAll(variables.apply(branch));
      }
    }
  }
}
