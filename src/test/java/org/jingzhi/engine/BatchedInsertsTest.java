package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class BatchedInsertsTest {

  @Autowired
  DataSource dataSource;

  /** The platform's own pool: on PostgreSQL (CI) it batches, on H2 it is untouched. */
  @Test
  void thePlatformsPoolIsSetForItsDatabase() {
    HikariDataSource pool = (HikariDataSource) dataSource;
    assertThat(pool.getDataSourceProperties().getProperty(BatchedInserts.PROPERTY))
        .isEqualTo(pool.getJdbcUrl().startsWith("jdbc:postgresql:") ? "true" : null);
  }

  @Test
  void aPostgresqlPoolSendsAFlushsRowsOfATableAsMultiRowStatements() {
    assertThat(processed("jdbc:postgresql://127.0.0.1:5432/jingzhi").getDataSourceProperties())
        .containsEntry(BatchedInserts.PROPERTY, "true");
  }

  @Test
  void otherDatabasesAndAnOperatorsOwnChoiceAreLeftAsTheyAre() {
    assertThat(processed("jdbc:h2:file:./data/jingzhi").getDataSourceProperties()).doesNotContainKey(BatchedInserts.PROPERTY);
    HikariDataSource chosen = new HikariDataSource();
    chosen.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/jingzhi");
    chosen.addDataSourceProperty(BatchedInserts.PROPERTY, "false");
    new BatchedInserts().postProcessBeforeInitialization(chosen, "dataSource");
    assertThat(chosen.getDataSourceProperties()).containsEntry(BatchedInserts.PROPERTY, "false");

    HikariDataSource fromTheEnvironment = new HikariDataSource();
    fromTheEnvironment.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/jingzhi");
    fromTheEnvironment.addDataSourceProperty("rewritebatchedinserts", "false");
    new BatchedInserts().postProcessBeforeInitialization(fromTheEnvironment, "dataSource");
    assertThat(fromTheEnvironment.getDataSourceProperties()).as("SPRING_DATASOURCE_HIKARI_DATASOURCEPROPERTIES_… arrives lower-cased")
        .doesNotContainKey(BatchedInserts.PROPERTY);
  }

  private static HikariDataSource processed(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return (HikariDataSource) new BatchedInserts().postProcessBeforeInitialization(pool, "dataSource");
  }
}
