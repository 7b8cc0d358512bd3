package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class GenericPlansTest {

  private static final String POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/jingzhi";

  @Autowired
  DataSource dataSource;

  /** On PostgreSQL (CI, or locally with JINGZHI_DB_URL) every connection of the platform's pool keeps its plans. */
  @Test
  void thePlatformsConnectionsKeepOnePlanAStatement() throws Exception {
    assumeTrue(((HikariDataSource) dataSource).getJdbcUrl().startsWith("jdbc:postgresql:"), "PostgreSQL only");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery("SELECT current_setting('plan_cache_mode')")) {
      mode.next();
      assertThat(mode.getString(1)).isEqualTo("force_generic_plan");
    }
  }

  @Test
  void aPostgresqlPoolGetsTheSettingAsAStartUpOption() {
    assertThat(processed(pool(POSTGRESQL)).getDataSourceProperties()).containsEntry("options", GenericPlans.SETTING);
  }

  @Test
  void anOperatorsOtherOptionsAreKeptAndTheirOwnPlanCacheModeWins() {
    HikariDataSource withTimeout = pool(POSTGRESQL);
    withTimeout.addDataSourceProperty("OPTIONS", "-c statement_timeout=5min");
    assertThat(processed(withTimeout).getDataSourceProperties()).as("any spelling of the property")
        .containsEntry("options", "-c statement_timeout=5min " + GenericPlans.SETTING).doesNotContainKey("OPTIONS");

    HikariDataSource chosen = pool(POSTGRESQL);
    chosen.addDataSourceProperty("options", "-c plan_cache_mode=auto");
    assertThat(processed(chosen).getDataSourceProperties()).containsEntry("options", "-c plan_cache_mode=auto");

    HikariDataSource behindAPooler = pool(POSTGRESQL);
    behindAPooler.addDataSourceProperty("options", "");
    assertThat(processed(behindAPooler).getDataSourceProperties()).as("no start-up options at all").containsEntry("options", "");
  }

  @Test
  void otherDatabasesAreLeftAsTheyAre() {
    assertThat(processed(pool("jdbc:h2:file:./data/jingzhi")).getDataSourceProperties()).doesNotContainKey("options");
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return pool;
  }

  private static HikariDataSource processed(HikariDataSource pool) {
    return (HikariDataSource) new GenericPlans().postProcessBeforeInitialization(pool, "dataSource");
  }
}
