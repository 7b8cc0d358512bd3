package org.jingzhi.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Runs on PostgreSQL (CI, or locally with JINGZHI_DB_URL); H2 has no plans to choose between. */
@IntegrationTest
class FilterQueryPlansTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void aFilterCommandPlansItsQueryForItsParametersAndNoOtherCommandOrTransactionDoes() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assumeTrue("postgres".equals(configuration.getDatabaseType()), "PostgreSQL only");
    var commands = configuration.getCommandExecutorTxRequired();

    assertThat(commands.execute(FilterQueryPlansTest::planCacheMode)).as("an engine command").isEqualTo("auto");
    FilterCountSeeingItsPlans filterCount = new FilterCountSeeingItsPlans();
    commands.execute(filterCount);
    assertThat(filterCount.seen).as("a filter's count, as Tasklist asks it").isEqualTo("force_custom_plan");
    assertThat(commands.execute(FilterQueryPlansTest::planCacheMode)).as("the next command, on the pool's connections").isEqualTo("auto");
  }

  /** A filter command that reports the plans its transaction makes instead of counting. */
  private static final class FilterCountSeeingItsPlans extends ExecuteFilterCountCmd {
    String seen;

    FilterCountSeeingItsPlans() {
      super("any filter");
    }

    @Override
    public Long execute(CommandContext context) {
      seen = planCacheMode(context);
      return 1L;
    }
  }

  private static String planCacheMode(CommandContext context) {
    try (Statement statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement();
        ResultSet result = statement.executeQuery("SHOW plan_cache_mode")) {
      result.next();
      return result.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
