package org.jingzhi.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a database's work goes, from PostgreSQL's {@code pg_stat_statements} (when the server preloads it:
 * {@code ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'} and a restart): calls and rows per case by
 * the table a statement works on and its verb, and the statements that read or write the most.
 */
final class Statements {

  private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|into|update|join)\\s+([a-z_][a-z0-9_]*)");
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  private Statements() {
  }

  static boolean available() {
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
         ResultSet row = connection.createStatement().executeQuery("SHOW shared_preload_libraries")) {
      row.next();
      if (!row.getString(1).contains("pg_stat_statements")) {
        return false;
      }
      connection.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  static void reset() {
    if (!available()) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "")) {
      connection.createStatement().execute("SELECT pg_stat_statements_reset()");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The statements of {@code database} since {@link #reset}, grouped by verb and table, per case; the top 15 by rows. */
  static String perCase(String database, int cases) {
    if (!available()) {
      return "(pg_stat_statements is not preloaded: no breakdown by statement)";
    }
    Map<String, double[]> byCause = new LinkedHashMap<>();
    StringBuilder top = new StringBuilder(String.format("%nTop statements by rows per case (%s)%n| calls | rows | statement |%n|---|---|---|%n", database));
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
         ResultSet rows = connection.createStatement().executeQuery("SELECT query, calls, rows, total_exec_time FROM pg_stat_statements s JOIN pg_database d"
             + " ON d.oid = s.dbid WHERE d.datname = '" + database + "' ORDER BY rows DESC")) {
      int listed = 0;
      while (rows.next()) {
        String query = rows.getString(1).replaceAll("\\s+", " ").trim();
        double calls = rows.getLong(2) / (double) cases;
        double count = rows.getLong(3) / (double) cases;
        String verb = query.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        Matcher table = TABLE.matcher(query);
        String cause = verb + " " + (table.find() ? table.group(1).toLowerCase(Locale.ROOT) : "-");
        double[] sum = byCause.computeIfAbsent(cause, key -> new double[3]);
        sum[0] += calls;
        sum[1] += count;
        sum[2] += rows.getDouble(4) / cases;
        if (listed++ < 15) {
          top.append(String.format("| %.1f | %.1f | `%s` |%n", calls, count, query.length() > 140 ? query.substring(0, 140) + "…" : query));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    StringBuilder out = new StringBuilder(String.format("%nStatements per case by verb and table (%s, %d cases after the warm-up)%n"
        + "| statement | calls | rows | ms in the database |%n|---|---|---|---|%n", database, cases));
    byCause.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1])).limit(30)
        .forEach(entry -> out.append(String.format("| %s | %.1f | %.1f | %.2f |%n", entry.getKey(), entry.getValue()[0], entry.getValue()[1],
            entry.getValue()[2])));
    return out.append(top).toString();
  }
}
