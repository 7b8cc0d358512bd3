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

    assertThat(commands.execute(FilterQueryPlansTest::planCacheMode).mode()).as("an engine command").isEqualTo("force_generic_plan");
    FilterCountSeeingItsPlans filterCount = new FilterCountSeeingItsPlans();
    commands.execute(filterCount);
    assertThat(filterCount.seen.mode()).as("a filter's count, as Tasklist asks it").isEqualTo("force_custom_plan");

    // the pool hands this thread its last connection again unless another thread took it meanwhile
    Plans next = commands.execute(FilterQueryPlansTest::planCacheMode);
    for (int attempt = 0; attempt < 20 && next.backend() != filterCount.seen.backend(); attempt++) {
      next = commands.execute(FilterQueryPlansTest::planCacheMode);
    }
    assertThat(next.backend()).as("the filter's connection, borrowed again").isEqualTo(filterCount.seen.backend());
    assertThat(next.mode()).as("its next transaction").isEqualTo("force_generic_plan");
  }

  /** The plan cache mode of a command's transaction, and the database session it ran in. */
  private record Plans(String mode, int backend) {
  }

  /** A filter command that reports the plans its transaction makes instead of counting. */
  private static final class FilterCountSeeingItsPlans extends ExecuteFilterCountCmd {
    Plans seen;

    FilterCountSeeingItsPlans() {
      super("any filter");
    }

    @Override
    public Long execute(CommandContext context) {
      seen = planCacheMode(context);
      return 1L;
    }
  }

  private static Plans planCacheMode(CommandContext context) {
    try (Statement statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement();
        ResultSet result = statement.executeQuery("SELECT current_setting('plan_cache_mode'), pg_backend_pid()")) {
      result.next();
      return new Plans(result.getString(1), result.getInt(2));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
