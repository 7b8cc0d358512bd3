package org.jingzhi.tasklist;

import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ExceptionUtil;
import org.jingzhi.engine.CommandInterceptors;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, a filter's task query is planned for the unit that asks. The driver prepares a statement it has run
 * five times, and the platform's connections keep one plan for any parameters of a prepared statement (PostgresPoolSettings);
 * left to itself, PostgreSQL too keeps one after five runs when it looks no costlier than the plans made for each: for
 * any unit, though one unit may hold a fifth of the city's open tasks and another a handful. With the unit's own
 * numbers it counts 「本单位待办」 by merging two indexes in task order (13 ms at 100,000 open tasks) and lists a page by
 * walking the due-date index until it has the unit's first tasks (14 ms); the plan for any unit looks up the unit's
 * links one by one for the count and joins every unclaimed task with them and sorts them all for a page (81 ms), and
 * would scan every open task for 「即将超期」, not knowing how few fall due within 24 hours (README 「Tasklist with 100,000
 * open tasks」). So every filter command — the lists and counts Tasklist asks for — runs its transaction with {@code
 * plan_cache_mode} set to plan each statement for its parameters, about a millisecond of planning more a query. Other
 * commands, the engine's own work included, keep one plan a statement. A filter command run inside a transaction
 * already open (none of ours is) leaves the setting to the rest of that transaction, which then plans its statements
 * the same way. Needs PostgreSQL 12 or later.
 */
@Component
public class FilterQueryPlans extends AbstractProcessEnginePlugin {

  static final String PLANNED_FOR_PARAMETERS = "SET LOCAL plan_cache_mode = force_custom_plan";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandInterceptors.addInside(configuration, new PlannedForTheirParameters());
  }

  /** Inside the command's transaction, so the setting ends with it and never reaches the pool's next borrower. */
  private static final class PlannedForTheirParameters extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof AbstractExecuteFilterCmd) {
        CommandContext context = Context.getCommandContext();
        if ("postgres".equals(context.getProcessEngineConfiguration().getDatabaseType())) {
          try (Statement statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement()) {
            statement.execute(PLANNED_FOR_PARAMETERS);
          } catch (SQLException e) {
            throw ExceptionUtil.wrapPersistenceException(e);  // as the engine's own statements fail: no driver text for clients
          }
        }
      }
      return next.execute(command);
    }
  }
}
