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
 * the table a statement works on and its verb, and the statements that read or write the most; with
 * {@code pg_stat_statements.track_planning = on}, also how many of them PostgreSQL planned and for how long.
 */
final class Statements {

  private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|into|update|join)\\s+([a-z_][a-z0-9_]*)");
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  /** The statements of one database, named after it in quotes. */
  private static final String OF_DATABASE = " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ";

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

  /** Statements a case and the database's time for them, the bare engine's next to Jingzhi's, since {@link #reset}. */
  static String compared(String bare, String jingzhi, int cases) {
    return compared("bare engine", bare, jingzhi, cases);
  }

  /** The same, against another engine than the bare one, named {@code other} in the line. */
  static String compared(String other, String otherDatabase, String jingzhi, int cases) {
    if (!available()) {
      return "";
    }
    double[] ofOther = callsAndTime(otherDatabase, cases);
    double[] ofJingzhi = callsAndTime(jingzhi, cases);
    return String.format("Statements a case (pg_stat_statements): %s %.1f, Jingzhi %.1f (%.2f ×); ms executing them: %.2f, %.2f (%.2f ×)%n",
        other, ofOther[0], ofJingzhi[0], ofJingzhi[0] / ofOther[0], ofOther[1], ofJingzhi[1], ofJingzhi[1] / ofOther[1]);
  }

  /**
   * The {@code limit} statements either engine runs most a case, each with both engines' calls of the same text
   * ({@code -Dbenchmark.statements=N}, 40 by default; a large N lists every statement, the bare engine's own among them).
   */
  static String mostCalled(String bare, String jingzhi, int cases, int limit) {
    if (!available()) {
      return "";
    }
    StringBuilder out = new StringBuilder(String.format("%nStatements by calls a case: the most called of either engine, both engines' calls of the same text%n"
        + "| Jingzhi | bare | ms in the database, Jingzhi | statement |%n|---|---|---|---|%n"));
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
         ResultSet rows = connection.createStatement().executeQuery("SELECT COALESCE(j.calls, 0), COALESCE(b.calls, 0), COALESCE(j.ms, 0),"
             + " COALESCE(j.query, b.query) FROM"
             + " (SELECT query, sum(calls) calls, sum(total_exec_time) ms" + OF_DATABASE + "'" + jingzhi + "' GROUP BY query) j"
             + " FULL JOIN (SELECT query, sum(calls) calls" + OF_DATABASE + "'" + bare + "' GROUP BY query) b ON b.query = j.query"
             + " ORDER BY GREATEST(COALESCE(j.calls, 0), COALESCE(b.calls, 0)) DESC LIMIT " + limit)) {
      while (rows.next()) {
        out.append(String.format("| %.1f | %.1f | %.2f | `%s` |%n", rows.getLong(1) / (double) cases, rows.getLong(2) / (double) cases,
            rows.getDouble(3) / cases, shortened(oneLine(rows.getString(4)))));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private static double[] callsAndTime(String database, int cases) {
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
         ResultSet sum = connection.createStatement().executeQuery("SELECT sum(calls), sum(total_exec_time)" + OF_DATABASE
             + "'" + database + "' AND s.query NOT ILIKE 'VACUUM%'")) {
      sum.next();
      return new double[] {sum.getLong(1) / (double) cases, sum.getDouble(2) / cases};
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
         ResultSet rows = connection.createStatement().executeQuery("SELECT query, calls, rows, total_exec_time" + OF_DATABASE
             + "'" + database + "' ORDER BY rows DESC")) {
      int listed = 0;
      while (rows.next()) {
        String query = oneLine(rows.getString(1));
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
          top.append(String.format("| %.1f | %.1f | `%s` |%n", calls, count, shortened(query)));
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
    return out.append(top).append(planning(database, cases)).toString();
  }

  private static String oneLine(String query) {
    return query.replaceAll("\\s+", " ").trim();
  }

  private static String shortened(String query) {
    return query.length() > 140 ? query.substring(0, 140) + "…" : query;
  }

  /** How many statements a case PostgreSQL planned and how long it took, and the five it spent longest planning. */
  private static String planning(String database, int cases) {
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "")) {
      try (ResultSet setting = connection.createStatement().executeQuery("SELECT current_setting('pg_stat_statements.track_planning')")) {
        if (!setting.next() || !"on".equals(setting.getString(1))) {
          return String.format("%n(pg_stat_statements.track_planning is off: no planning figures)%n");
        }
      }
      String of = OF_DATABASE + "'" + database + "'";
      StringBuilder out = new StringBuilder();
      try (ResultSet sum = connection.createStatement().executeQuery(
          "SELECT sum(calls), sum(plans), sum(total_plan_time), sum(total_exec_time)" + of)) {
        sum.next();
        out.append(String.format("%nPlanning per case (%s): %.1f of %.1f statements planned, %.2f ms planning, %.2f ms executing%n"
                + "| calls | plans | ms planning | statement |%n|---|---|---|---|%n", database, sum.getLong(2) / (double) cases,
            sum.getLong(1) / (double) cases, sum.getDouble(3) / cases, sum.getDouble(4) / cases));
      }
      try (ResultSet longest = connection.createStatement().executeQuery(
          "SELECT calls, plans, total_plan_time, query" + of + " ORDER BY total_plan_time DESC LIMIT 5")) {
        while (longest.next()) {
          out.append(String.format("| %.1f | %.1f | %.2f | `%s` |%n", longest.getLong(1) / (double) cases, longest.getLong(2) / (double) cases,
              longest.getDouble(3) / cases, shortened(oneLine(longest.getString(4)))));
        }
      }
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
