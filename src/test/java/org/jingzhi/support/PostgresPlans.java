package org.jingzhi.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The plan PostgreSQL makes for a statement on the platform's connections, where the driver prepares each statement once
 * and PostgreSQL keeps one generic plan for it: what a cut of a statement's reads is seen by.
 */
public final class PostgresPlans {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NAMES = new AtomicInteger();

  private PostgresPlans() {
  }

  /** What a test does in a transaction of its own: make rows, analyze them, explain a statement. */
  @FunctionalInterface
  public interface InTransaction {
    JsonNode run(Statement statement) throws Exception;
  }

  /**
   * Runs {@code work} in a transaction that is rolled back, so the shared test database keeps none of its rows, and
   * analyzes {@code table} again afterwards: the row count ANALYZE wrote is kept despite the rollback.
   */
  public static JsonNode rolledBack(DataSource dataSource, String table, InTransaction work) throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      try {
        return work.run(statement);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
        statement.execute("ANALYZE " + table);
      }
    }
  }

  public static boolean onPostgres(DataSource dataSource) {
    return ((HikariDataSource) dataSource).getJdbcUrl().startsWith("jdbc:postgresql:");
  }

  /**
   * The generic plan of {@code sql} (with {@code ?} for its parameters) run with these SQL literals, explained in the
   * transaction of {@code statement}'s connection, which the caller opens and rolls back; with {@code analyze} the
   * statement runs and the plan tells what each node read.
   */
  public static JsonNode genericPlan(Statement statement, String sql, List<String> literals, boolean analyze) throws SQLException {
    StringBuilder numbered = new StringBuilder();
    int parameter = 0;
    for (char c : sql.toCharArray()) {
      numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
    }
    // a statement prepared in SQL outlives a rollback: a name of its own, so that one left behind by a failure is in no one's way
    String name = "jz_plan_" + NAMES.incrementAndGet();
    statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
    statement.execute("PREPARE " + name + " AS " + numbered);
    JsonNode plan;
    try (ResultSet explained = statement.executeQuery("EXPLAIN (FORMAT JSON" + (analyze ? ", ANALYZE" : "") + ") EXECUTE " + name + "("
        + String.join(", ", literals) + ")")) {
      explained.next();
      plan = JSON.readTree(explained.getString(1)).get(0).get("Plan");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    statement.execute("DEALLOCATE " + name);
    return plan;
  }

  /** A parameter's value as an SQL literal of PostgreSQL. */
  public static String literal(Object value) {
    if (value instanceof Date date) {
      return "'" + new Timestamp(date.getTime()) + "'::timestamp";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return value == null ? "NULL" : "'" + value.toString().replace("'", "''") + "'";
  }

  /** The indexes the plan reads, in the order of its nodes. */
  public static List<String> indexesRead(JsonNode node) {
    List<String> indexes = new ArrayList<>();
    if (node.has("Index Name")) {
      indexes.add(node.get("Index Name").asText());
    }
    node.path("Plans").forEach(child -> indexes.addAll(indexesRead(child)));
    return indexes;
  }

  /** The plan node that reads a table under this alias (or, without one, this table's name). */
  public static JsonNode scanOf(JsonNode node, String alias) {
    if (alias.equals(node.path("Alias").asText())) {
      return node;
    }
    for (JsonNode child : node.path("Plans")) {
      JsonNode found = scanOf(child, alias);
      if (!found.isMissingNode()) {
        return found;
      }
    }
    return JSON.missingNode();
  }
}
