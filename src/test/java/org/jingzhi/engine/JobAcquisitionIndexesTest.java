package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.PostgresPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job executor's indexes live in the migrations ({@code V18__job_acquisition_indexes}), as every other index of ours:
 * a database gets them once, and one that had the indexes they replace, or these same ones made by the platform's start
 * before V18, comes out of the migration with exactly these (README 「Deadline storm」).
 */
@IntegrationTest
class JobAcquisitionIndexesTest {

  @Autowired
  DataSource dataSource;

  @Test
  void theMigratedDatabaseHasTheAcquisitionIndexesAndNoneTheyReplace() {
    assertThat(jobIndexes()).containsAll(expected()).doesNotContain("jz_idx_job_acquisition", "jz_idx_job_type_duedate");
  }

  @Test
  void aDatabaseOfAnEarlierReleaseComesOutWithTheSameIndexes() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try {
      jdbc.execute("CREATE INDEX JZ_IDX_JOB_ACQUISITION ON ACT_RU_JOB (TYPE_, DUEDATE_)");
      jdbc.execute("CREATE INDEX JZ_IDX_JOB_TYPE_DUEDATE ON ACT_RU_JOB (TYPE_, DUEDATE_)");
      if (postgres()) {
        jdbc.execute("CREATE INDEX JZ_IDX_JOB_LOCK_EXP ON ACT_RU_JOB (LOCK_EXP_TIME_)");
      }

      migrateAgain(jdbc);

      assertThat(jobIndexes()).containsAll(expected())
          .doesNotContain("jz_idx_job_acquisition", "jz_idx_job_type_duedate")
          .filteredOn(name -> name.startsWith("jz_idx_job")).hasSameSizeAs(expected());
    } finally {
      // the shared database as the migrations left it, whatever failed above: later tests plan on its indexes
      jdbc.execute("DROP INDEX IF EXISTS JZ_IDX_JOB_ACQUISITION");
      jdbc.execute("DROP INDEX IF EXISTS JZ_IDX_JOB_TYPE_DUEDATE");
      if (postgres()) {
        jdbc.execute("DROP INDEX IF EXISTS JZ_IDX_JOB_LOCK_EXP");
      }
    }
  }

  private List<String> expected() {
    return postgres() ? List.of("jz_idx_job_due", "jz_idx_job_locked") : List.of("jz_idx_job_due", "jz_idx_job_lock_exp");
  }

  /** V18 as Flyway ran it, statement by statement, on a database that already holds what it creates. */
  private void migrateAgain(JdbcTemplate jdbc) throws Exception {
    String vendor = postgres() ? "postgresql" : "h2";
    String script = new ClassPathResource("db/vendor/" + vendor + "/V18__job_acquisition_indexes.sql").getContentAsString(StandardCharsets.UTF_8);
    String withoutComments = String.join("\n", script.lines().filter(line -> !line.startsWith("--")).toList());
    Arrays.stream(withoutComments.split(";")).map(String::strip).filter(sql -> !sql.isEmpty()).forEach(jdbc::execute);
  }

  private List<String> jobIndexes() {
    String sql = postgres() ? "SELECT indexname FROM pg_indexes WHERE tablename = 'act_ru_job' AND schemaname = current_schema()"
        : "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'ACT_RU_JOB'";
    return new JdbcTemplate(dataSource).queryForList(sql, String.class).stream().map(String::toLowerCase).toList();
  }

  private boolean postgres() {
    return PostgresPlans.onPostgres(dataSource);
  }
}
