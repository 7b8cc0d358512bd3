package org.jingzhi.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jingzhi.JingzhiApplication;
import org.jingzhi.organization.Organization;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes started at the same moment on a fresh PostgreSQL database (as compose starts them): both come up, and what they
 * do at start-up happened once — one engine schema, one set of migrations, each group once, one deployment of the models,
 * each holiday file loaded once. Before the start-up lock one of them died creating a group the other had just created.
 */
class ClusterStartupTest {

  @Test
  void twoNodesStartTogetherOnAFreshDatabase() throws Exception {
    String url = System.getenv("JINGZHI_DB_URL");
    assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "needs PostgreSQL (JINGZHI_DB_URL), as in .ci/run");
    String database = "jingzhi_cluster_" + Long.toHexString(System.nanoTime());
    String fresh = url.substring(0, url.lastIndexOf('/') + 1) + database;
    admin(url, "CREATE DATABASE " + database);
    List<ConfigurableApplicationContext> nodes = List.of();
    try {
      CountDownLatch together = new CountDownLatch(1);
      List<CompletableFuture<ConfigurableApplicationContext>> starting = List.of("node-a", "node-b").stream()
          .map(node -> CompletableFuture.supplyAsync(() -> {
            try {
              together.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return start(node, fresh);
          })).toList();
      together.countDown();
      nodes = starting.stream().map(CompletableFuture::join).toList();

      assertThat(nodes).allMatch(ConfigurableApplicationContext::isActive);
      int units = nodes.get(0).getBean(Organization.class).units().size();
      try (Connection connection = DriverManager.getConnection(fresh, user(), password())) {
        assertThat(count(connection, "SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT WHERE NAME_ = 'jingzhi'")).as("one deployment").isEqualTo(1);
        assertThat(count(connection, "SELECT COUNT(*) FROM ACT_ID_GROUP WHERE TYPE_ <> 'SYSTEM'")).as("each unit's group once")
            .isEqualTo(units);
        assertThat(count(connection, "SELECT COUNT(*) FROM jz_holiday_schedule")).as("each holiday file loaded once").isEqualTo(2);
        assertThat(count(connection, "SELECT COUNT(*) FROM jz_schema_history WHERE NOT success")).isZero();
      }
    } finally {
      nodes.forEach(ConfigurableApplicationContext::close);
      admin(url, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private static ConfigurableApplicationContext start(String node, String url) {
    return new SpringApplicationBuilder(JingzhiApplication.class).profiles("demo").run("--spring.datasource.url=" + url,
        "--server.port=0", "--camunda.bpm.process-engine-name=" + node, "--camunda.bpm.job-execution.enabled=false",
        "--jingzhi.calendar.refresh-every=0s", "--jingzhi.rates.count-ended-every=0s", "--logging.level.root=warn");
  }

  private static void admin(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", user(), password());
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static int count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static String user() {
    return System.getenv().getOrDefault("JINGZHI_DB_USER", "postgres");
  }

  private static String password() {
    return System.getenv().getOrDefault("JINGZHI_DB_PASSWORD", "");
  }
}
