package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.PostgresPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PostgresPoolSettingsTest {

  private static final String POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/jingzhi";
  private static final String H2 = "jdbc:h2:file:./data/jingzhi";
  private static final String GENERIC_PLANS_WITHOUT_JIT = "-c plan_cache_mode=force_generic_plan -c jit=off";

  @Autowired
  DataSource dataSource;

  /** The platform's own pool: on PostgreSQL (CI) it batches, on H2 it is untouched. */
  @Test
  void thePlatformsPoolBatchesInsertsOnPostgresqlOnly() {
    HikariDataSource pool = (HikariDataSource) dataSource;
    assertThat(pool.getDataSourceProperties().getProperty(PostgresPoolSettings.BATCHED_INSERTS))
        .isEqualTo(pool.getJdbcUrl().startsWith("jdbc:postgresql:") ? "true" : null);
  }

  /**
   * On PostgreSQL (CI, or locally with JINGZHI_DB_URL) every connection of the platform's pool keeps its plans and
   * compiles none: the job executor's acquisition, planned for any LIMIT, was JIT-compiled at every call (11 ms a call).
   */
  @Test
  void thePlatformsConnectionsKeepOnePlanAStatementAndCompileNone() throws Exception {
    assumeTrue(PostgresPlans.onPostgres(dataSource), "PostgreSQL only");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet settings = statement.executeQuery("SELECT current_setting('plan_cache_mode'), current_setting('jit')")) {
      settings.next();
      assertThat(settings.getString(1)).isEqualTo("force_generic_plan");
      assertThat(settings.getString(2)).isEqualTo("off");
    }
  }

  @Test
  void aPostgresqlPoolBatchesInsertsAndGetsGenericPlansAsAStartUpOption() {
    assertThat(processed(pool(POSTGRESQL)).getDataSourceProperties())
        .containsEntry(PostgresPoolSettings.BATCHED_INSERTS, "true")
        .containsEntry("options", GENERIC_PLANS_WITHOUT_JIT);
  }

  @Test
  void anOperatorsOwnBatchingChoiceIsLeftAsItIs() {
    HikariDataSource chosen = pool(POSTGRESQL);
    chosen.addDataSourceProperty(PostgresPoolSettings.BATCHED_INSERTS, "false");
    assertThat(processed(chosen).getDataSourceProperties()).containsEntry(PostgresPoolSettings.BATCHED_INSERTS, "false");

    HikariDataSource fromTheEnvironment = pool(POSTGRESQL);
    fromTheEnvironment.addDataSourceProperty("rewritebatchedinserts", "false");
    assertThat(processed(fromTheEnvironment).getDataSourceProperties())
        .as("SPRING_DATASOURCE_HIKARI_DATASOURCEPROPERTIES_… arrives lower-cased; the driver reads only its own spelling")
        .containsEntry(PostgresPoolSettings.BATCHED_INSERTS, "false").doesNotContainKey("rewritebatchedinserts");
  }

  @Test
  void anOperatorsOtherOptionsAreKeptAndTheirOwnPlanCacheModeAndJitWin() {
    HikariDataSource withTimeout = pool(POSTGRESQL);
    withTimeout.addDataSourceProperty("OPTIONS", "-c statement_timeout=5min");
    assertThat(processed(withTimeout).getDataSourceProperties()).as("any spelling of the property")
        .containsEntry("options", "-c statement_timeout=5min " + GENERIC_PLANS_WITHOUT_JIT).doesNotContainKey("OPTIONS");

    HikariDataSource chosen = pool(POSTGRESQL);
    chosen.addDataSourceProperty("options", "-c plan_cache_mode=auto");
    assertThat(processed(chosen).getDataSourceProperties()).containsEntry("options", "-c plan_cache_mode=auto -c jit=off");

    HikariDataSource compiling = pool(POSTGRESQL);
    compiling.addDataSourceProperty("options", "-c jit=on");
    assertThat(processed(compiling).getDataSourceProperties())
        .containsEntry("options", "-c jit=on -c plan_cache_mode=force_generic_plan");

    HikariDataSource both = pool(POSTGRESQL);
    both.addDataSourceProperty("options", "-c plan_cache_mode=auto --jit=on");
    assertThat(processed(both).getDataSourceProperties()).as("the README's way back to PostgreSQL's own choices")
        .containsEntry("options", "-c plan_cache_mode=auto --jit=on");

    HikariDataSource tuned = pool(POSTGRESQL);
    tuned.addDataSourceProperty("options", "-c jit_above_cost=500000 -c application_name=jitter");
    assertThat(processed(tuned).getDataSourceProperties()).as("other settings and values that merely contain a name")
        .containsEntry("options", "-c jit_above_cost=500000 -c application_name=jitter " + GENERIC_PLANS_WITHOUT_JIT);

    HikariDataSource behindAPooler = pool(POSTGRESQL);
    behindAPooler.addDataSourceProperty("options", "");
    assertThat(processed(behindAPooler).getDataSourceProperties()).as("no start-up options at all").containsEntry("options", "");

    HikariDataSource behindAPoolerFromTheEnvironment = pool(POSTGRESQL);
    behindAPoolerFromTheEnvironment.addDataSourceProperty("OPTIONS", " ");
    assertThat(processed(behindAPoolerFromTheEnvironment).getDataSourceProperties()).containsEntry("options", "")
        .doesNotContainKey("OPTIONS");
  }

  @Test
  void otherDatabasesAreLeftAsTheyAre() {
    assertThat(processed(pool(H2)).getDataSourceProperties())
        .doesNotContainKey(PostgresPoolSettings.BATCHED_INSERTS).doesNotContainKey("options");
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return pool;
  }

  private static HikariDataSource processed(HikariDataSource pool) {
    return (HikariDataSource) new PostgresPoolSettings().postProcessBeforeInitialization(pool, "dataSource");
  }
}
