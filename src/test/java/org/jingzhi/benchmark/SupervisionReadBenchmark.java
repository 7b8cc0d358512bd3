package org.jingzhi.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.escalation.Events;
import org.jingzhi.rates.EndedEventCounter;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.Http;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The supervisors' pages on a city's history: loads (once) a PostgreSQL database {@code jingzhi_city}
 * with at least {@code city.cases} cases and events and {@code city.historic-tasks} historic tasks, cloned from real ones ({@link CityTemplates},
 * {@link CityCloner}), then asks each query of the Cockpit plugin 「效能督查」 as {@code supervisor}
 * through HTTP, {@code benchmark.samples} times after a warm-up, and prints p50 and p95 per query.
 * Not a test: it asserts nothing.
 *
 * <p>{@code ./mvnw -Pbenchmark test-compile exec:java -Dbenchmark.main=org.jingzhi.benchmark.SupervisionReadBenchmark}
 * ({@code -Dcity.regenerate=true} loads the city again; {@code -Dbenchmark.samples=0} only loads it).
 */
public final class SupervisionReadBenchmark {

  private static final String PLUGIN = "/camunda/api/cockpit/plugin/jingzhi-supervision/default/";

  private SupervisionReadBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int cases = Integer.getInteger("city.cases", 100_000);
    long historicTasks = Long.getLong("city.historic-tasks", 1_000_000);
    int samples = Integer.getInteger("benchmark.samples", 20);
    String url = System.getenv().getOrDefault("JINGZHI_DB_URL", cityDatabase(Boolean.getBoolean("city.regenerate")));
    // a read benchmark: the job executor is off, the copies' timers stay where they are
    try (ConfigurableApplicationContext app = JointApprovalBenchmark.start(url)) {
      DataSource dataSource = app.getBean(DataSource.class);
      try (Connection db = dataSource.getConnection()) {
        if (count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE ID_ = ROOT_PROC_INST_ID_ AND PROC_DEF_KEY_ <> 'supervision'") < cases) {
          load(app, db, cases, historicTasks);
        }
        printVolume(db);
        countEndedEvents(app, db);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        if (samples > 0) {
          measure(EngineApi.webapp(port), queries(db), samples);
        }
      }
    }
  }

  private static void load(ConfigurableApplicationContext app, Connection db, int cases, long historicTasks) throws Exception {
    System.out.printf("Loading a city of %,d cases and events into %s%n", cases, db.getMetaData().getURL());
    long started = System.nanoTime();
    List<CityTemplates.Template> templates = new CityTemplates(app.getBean(ProcessEngine.class), app.getBean(JointApprovals.class),
        app.getBean(Events.class)).create();
    templates.forEach(template -> System.out.printf("  template %-22s %-45s weight %2d%s%n", template.number(), template.path(),
        template.weight(), template.running() ? ", running" : ""));
    new CityCloner(db).cloneInto(templates, cases - templates.size(), historicTasks, Instant.now());
    System.out.printf("Loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);
  }

  /** What the platform does in the background after an upgrade: counts the rates of every ended event once. */
  private static void countEndedEvents(ConfigurableApplicationContext app, Connection db) throws Exception {
    long started = System.nanoTime();
    int events = app.getBean(EndedEventCounter.class).countEnded();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("Counted the rates of %,d ended events (not counted before) in %.0f s, %.0f events/s%n", events, seconds,
        events / Math.max(seconds, 0.001));
    // what autovacuum does after such a change (it may be off on a benchmark machine): the planner's figures
    try (Statement statement = db.createStatement()) {
      statement.execute("ANALYZE jz_rate_event");
      statement.execute("ANALYZE jz_rate_share");
    }
  }

  private static void printVolume(Connection db) throws Exception {
    System.out.printf("%nVolume: %,d joint-approval cases, %,d events (%,d running in all), %,d historic tasks, %,d open tasks, "
            + "%,d notices, %,d overdue records; database %s%n",
        count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'joint-approval'"),
        count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'escalation-chain'"),
        count(db, "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_ AND PARENT_ID_ IS NULL AND SUPER_EXEC_ IS NULL"),
        count(db, "SELECT COUNT(*) FROM ACT_HI_TASKINST"), count(db, "SELECT COUNT(*) FROM ACT_RU_TASK"),
        count(db, "SELECT COUNT(*) FROM jz_notice"), count(db, "SELECT COUNT(*) FROM jz_overdue"),
        text(db, "SELECT pg_size_pretty(pg_database_size(current_database()))"));
  }

  /** Every query the plugin's pages send, with the parameters a supervisor uses most. */
  private static Map<String, List<String>> queries(Connection db) throws Exception {
    LocalDate today = LocalDate.now(CityCloner.CITY);
    String month = "from=" + today.minusDays(29) + "&to=" + today;
    String year = "from=" + today.minusDays(365) + "&to=" + today;
    Map<String, List<String>> queries = new LinkedHashMap<>();
    queries.put("dashboard", List.of(PLUGIN + "dashboard"));
    queries.put("deadlines overdue, page 1", List.of(PLUGIN + "deadlines?state=overdue"));
    queries.put("deadlines due in 24 h", List.of(PLUGIN + "deadlines?state=soon"));
    queries.put("deadlines all, last page", List.of(PLUGIN + "deadlines?state=all&firstResult="
        + Math.max(0, count(db, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE DUE_DATE_ IS NOT NULL") - 50)));
    queries.put("deadlines of one unit", List.of(PLUGIN + "deadlines?state=all&unit=market"));
    queries.put("overdue records, 30 days", List.of(PLUGIN + "overdue-records?" + month));
    queries.put("overdue records, 366 days", List.of(PLUGIN + "overdue-records?" + year));
    for (String grouping : List.of("unit", "level", "category", "department")) {
      queries.put("rates by " + grouping + ", 30 days", List.of(PLUGIN + "rates?" + month + "&groupBy=" + grouping));
    }
    for (String grouping : List.of("unit", "department")) {
      queries.put("rates by " + grouping + ", 366 days", List.of(PLUGIN + "rates?" + year + "&groupBy=" + grouping));
    }
    queries.put("rates .xlsx, 30 days", List.of(PLUGIN + "rates/xlsx?" + month + "&groupBy=unit"));
    queries.put("trail of an event", numbers(db, "escalation-chain").stream().map(number -> PLUGIN + "trail/" + number).toList());
    queries.put("trail of a case", numbers(db, "joint-approval").stream().map(number -> PLUGIN + "trail/" + number).toList());
    return queries;
  }

  private static List<String> numbers(Connection db, String process) throws Exception {
    List<String> numbers = new ArrayList<>();
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST "
        + "WHERE PROC_DEF_KEY_ = '" + process + "' AND END_TIME_ IS NOT NULL ORDER BY md5(ID_) LIMIT 50")) {
      while (rows.next()) {
        numbers.add(rows.getString(1));
      }
    }
    return numbers;
  }

  private static void measure(EngineApi api, Map<String, List<String>> queries, int samples) {
    System.out.printf("%n%-28s %8s %8s %8s   (%d samples each, as supervisor through HTTP)%n", "query", "p50 ms", "p95 ms", "max ms",
        samples);
    for (Map.Entry<String, List<String>> query : queries.entrySet()) {
      List<String> paths = query.getValue();
      for (int i = 0; i < 3; i++) {
        ask(api, paths.get(i % paths.size()));
      }
      double[] millis = new double[samples];
      for (int i = 0; i < samples; i++) {
        long started = System.nanoTime();
        ask(api, paths.get(i % paths.size()));
        millis[i] = (System.nanoTime() - started) / 1e6;
      }
      Arrays.sort(millis);
      System.out.printf("%-28s %8.0f %8.0f %8.0f%n", query.getKey(), percentile(millis, 50), percentile(millis, 95), millis[samples - 1]);
    }
  }

  private static void ask(EngineApi api, String path) {
    Http.Response response = api.get("supervisor", path);
    if (response.status() != 200) {
      throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
    }
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int percent) {
    return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
  }

  private static long count(Connection db, String sql) throws Exception {
    return Long.parseLong(text(db, sql));
  }

  private static String text(Connection db, String sql) throws Exception {
    try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  /** Creates {@code jingzhi_city} when it does not exist (or anew when asked), so a loaded city is reused. */
  static String cityDatabase(boolean fresh) {
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
      if (fresh) {
        connection.createStatement().execute("DROP DATABASE IF EXISTS jingzhi_city WITH (FORCE)");
      }
      ResultSet exists = connection.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = 'jingzhi_city'");
      if (!exists.next()) {
        connection.createStatement().execute("CREATE DATABASE jingzhi_city");
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot prepare the city database on 127.0.0.1:5432: " + e.getMessage(), e);
    }
    return "jdbc:postgresql://127.0.0.1:5432/jingzhi_city";
  }
}
