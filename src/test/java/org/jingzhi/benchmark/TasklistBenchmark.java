package org.jingzhi.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.escalation.EscalationDriver;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.support.Http;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tasklist on a city's open work (issue 15): a unit clerk's filters 「待办」 (the first one Tasklist opens: the unit's
 * unclaimed tasks or the clerk's own), 「本单位待办」 and 「即将超期」, their counts, 「我的待办」's count and the filter list
 * with counts, each asked through the engine REST API the way Tasklist asks, as the measured unit's user (HTTP Basic,
 * authorization on). Prints p50/p95 in a markdown table with the volume. Not a test: it asserts nothing.
 *
 * <p>The first run loads a PostgreSQL database {@code jingzhi_tasklist} on 127.0.0.1:5432 (kept for later runs;
 * {@code -Dtasklist.regenerate=true} loads it again): a few real cases and events driven through the engine so that every
 * kind of unit has open work ({@link RealCases}), then SQL clones of those open tasks until there are {@code tasklist.tasks}
 * (100,000) ({@link TaskCloner}); the measured unit {@code tasklist.unit} ({@code market}) holds {@code tasklist.unit-share}
 * (22 %) of them, the other units with work an equal part of the rest.
 *
 * <p>{@code ./mvnw -q -Pbenchmark test-compile exec:java -Dbenchmark.main=org.jingzhi.benchmark.TasklistBenchmark}
 * ({@code -Dbenchmark.samples=0} only loads; {@code -Dbenchmark.warmup}, default 10; {@code -Dbenchmark.seconds-per-call}, default
 * 120: a slower call gets fewer samples). {@code TasklistBenchmarkSmokeTest} runs the same loading and calls on a few
 * hundred clones in the test suite.
 */
public final class TasklistBenchmark {

  static final String TODO = "待办";
  static final String MINE = "我的待办";
  static final String OWN_UNIT = "本单位待办";
  static final String DUE_SOON = "即将超期";
  private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  private TasklistBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int tasks = Integer.getInteger("tasklist.tasks", 100_000);
    String unit = System.getProperty("tasklist.unit", "market");
    double share = Double.parseDouble(System.getProperty("tasklist.unit-share", "0.22"));
    int samples = Integer.getInteger("benchmark.samples", 50);
    int warmup = Integer.getInteger("benchmark.warmup", 10);
    Duration budget = Duration.ofSeconds(Long.getLong("benchmark.seconds-per-call", 120));
    String url = tasklistDatabase(Boolean.getBoolean("tasklist.regenerate"));
    // a read benchmark: the job executor is off, the clones' cases keep their timers where they are
    try (ConfigurableApplicationContext app = JointApprovalBenchmark.start(url);
         Connection db = app.getBean(DataSource.class).getConnection()) {
      TaskCloner cloner = new TaskCloner(db);
      if (count(db, "SELECT COUNT(*) FROM ACT_RU_TASK") < tasks) {
        load(app, cloner, tasks, unit, share);
      }
      System.out.println(volume(db, unit));
      if (samples > 0) {
        TasklistCalls calls = new TasklistCalls(RestCaseBenchmark.port(app), unit);
        System.out.println(table(measure(calls, warmup, samples, budget), unit));
      }
    }
  }

  private static void load(ConfigurableApplicationContext app, TaskCloner cloner, int tasks, String unit, double share) throws Exception {
    long started = System.nanoTime();
    Connection db = cloner.db;
    if (count(db, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ NOT LIKE '%" + TaskCloner.MARK + "%'") == 0) {
      new RealCases(app.getBean(ProcessEngine.class), app.getBean(JointApprovals.class), app.getBean(Events.class)).create();
    }
    List<String> roots = strings(db, "SELECT ID_ FROM ACT_RU_EXECUTION WHERE ID_ = ROOT_PROC_INST_ID_");
    int clones = (int) (tasks - count(db, "SELECT COUNT(*) FROM ACT_RU_TASK"));
    System.out.printf("Cloning %,d open tasks of %d real cases and events into %s%n", clones, roots.size(), db.getMetaData().getURL());
    cloner.cloneTasks(clones, unit, share, roots, ClockUtil.getCurrentTime().toInstant());
    System.out.printf("Loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);
  }

  /** How much open work there is, how much of it is the unit's, and how large the tables the task queries read are. */
  static String volume(Connection db, String unit) throws SQLException {
    String ofUnit = "SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK i ON i.TASK_ID_ = t.ID_ WHERE i.TYPE_ = 'candidate'"
        + " AND i.GROUP_ID_ = ?";
    Timestamp dayAhead = Timestamp.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1)));
    long open = count(db, "SELECT COUNT(*) FROM ACT_RU_TASK");
    long ofTheUnit = count(db, ofUnit, unit);
    StringBuilder out = new StringBuilder(String.format("%nVolume: %,d open tasks; %s's %,d (%.1f %%), %,d of them unclaimed, %,d due "
            + "within 24 h or overdue (claimed or not)%n%n| table | rows | size |%n|---|---|---|%n", open, unit, ofTheUnit,
        100.0 * ofTheUnit / open,
        count(db, ofUnit + " AND t.ASSIGNEE_ IS NULL", unit), count(db, ofUnit + " AND t.DUE_DATE_ < ?", unit, dayAhead)));
    for (String table : List.of("ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_AUTHORIZATION", "ACT_RU_EXECUTION", "ACT_RU_VARIABLE")) {
      out.append(String.format("| %s | %,d | %s |%n", table, count(db, "SELECT COUNT(*) FROM " + table),
          strings(db, "SELECT pg_size_pretty(pg_total_relation_size('" + table.toLowerCase(Locale.ROOT) + "'))").get(0)));
    }
    return out.toString();
  }

  static long count(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /**
   * Each call {@code warmup} times untimed, then {@code samples} times timed, one request at a time as one clerk makes them;
   * a call that has used up {@code budget} stops early (after one timed sample at least), so that a call taking a minute
   * does not hold the run for hours: the table says how many samples each call got.
   */
  static Map<String, double[]> measure(TasklistCalls calls, int warmup, int samples, Duration budget) throws Exception {
    Map<String, double[]> millis = new LinkedHashMap<>();
    for (Map.Entry<String, TasklistCalls.Call> call : calls.tasklistCalls().entrySet()) {
      long deadline = System.nanoTime() + budget.toNanos();
      for (int i = 0; i < warmup && System.nanoTime() < deadline; i++) {
        call.getValue().ask();
      }
      List<Double> taken = new ArrayList<>();
      while (taken.size() < samples && (taken.isEmpty() || System.nanoTime() < deadline)) {
        long started = System.nanoTime();
        call.getValue().ask();
        taken.add((System.nanoTime() - started) / 1e6);
      }
      millis.put(call.getKey(), taken.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }
    return millis;
  }

  static String table(Map<String, double[]> millis, String user) {
    StringBuilder out = new StringBuilder(String.format("%nAs %s through HTTP (engine REST API, HTTP Basic), after a warm-up%n"
        + "| call | samples | p50 ms | p95 ms | max ms |%n|---|---|---|---|---|%n", user));
    millis.forEach((call, taken) -> out.append(String.format("| %s | %d | %.0f | %.0f | %.0f |%n", call, taken.length,
        SupervisionReadBenchmark.percentile(taken, 50), SupervisionReadBenchmark.percentile(taken, 95), taken[taken.length - 1])));
    return out.toString();
  }

  /** Creates {@code jingzhi_tasklist} when it does not exist (or anew when asked), so a loaded database is reused. */
  static String tasklistDatabase(boolean fresh) {
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
      if (fresh) {
        connection.createStatement().execute("DROP DATABASE IF EXISTS jingzhi_tasklist WITH (FORCE)");
      }
      ResultSet exists = connection.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = 'jingzhi_tasklist'");
      if (!exists.next()) {
        connection.createStatement().execute("CREATE DATABASE jingzhi_tasklist");
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot prepare the tasklist database on 127.0.0.1:5432: " + e.getMessage(), e);
    }
    return "jdbc:postgresql://127.0.0.1:5432/jingzhi_tasklist";
  }

  static List<String> strings(Connection db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  /**
   * Real open work for every kind of unit, driven through the engine by the demo users (as {@link CityTemplates} does) and
   * left open: three joint approvals accepted (reviews for eight departments), one waiting at the window, an event open in
   * each community, events escalated by hand to each street, each district and the city, a summons (reports for two
   * departments) and a return visit for the hotline. The clones copy these tasks.
   */
  static final class RealCases {

    private static final List<String> COMMUNITIES = List.of("990101001001", "990101001002", "990101002001", "990101002002",
        "990102001001", "990102001002", "990102002001", "990102002002");
    private static final Map<String, String> DEMO_USERS = Map.of("990101001001", "liuan", "990101001002", "hetang",
        "990102001001", "songlin", "990101001000", "hubin", "990102001000", "shanqian", "990101000000", "donghu",
        "990102000000", "xishan");

    private final ProcessEngine engine;
    private final JointApprovalDriver approvals;
    private final EscalationDriver events;
    private final List<String> started = new ArrayList<>();

    RealCases(ProcessEngine engine, JointApprovals jointApprovals, Events eventService) {
      this.engine = engine;
      this.approvals = new JointApprovalDriver(engine, jointApprovals);
      this.events = new EscalationDriver(engine, eventService);
    }

    /** Answers the process instances it started (also kept for {@link #remove}, even when a step fails on the way). */
    List<String> create() {
      for (String matter : List.of("restaurant-opening", "clinic-opening", "construction-permit")) {
        ProcessInstance instance = approvals.submit(matter, "待办基准" + matter);
        approvals.accept(instance);
        started.add(instance.getId());
      }
      started.add(approvals.submit("restaurant-opening", "待办基准待受理").getId());
      for (String community : COMMUNITIES) {
        started.add(events.report("hotline", "road-occupation", community, false).processInstanceId());
      }
      started.add(escalated("990101001001", 1));
      started.add(escalated("990101002001", 1));
      started.add(escalated("990102001001", 1));
      started.add(escalated("990102002001", 1));
      started.add(escalated("990101001002", 2));
      started.add(escalated("990102001002", 2));
      started.add(escalated("990101002002", 3));
      ReportedEvent summoned = events.report("hotline", "illegal-construction", "990101001001", false);
      events.summon("hubin", summoned, "urban,water");
      started.add(summoned.processInstanceId());
      ReportedEvent toVisit = events.report("hotline", "noise", "990101001002", false);
      events.act("hetang", toVisit, "resolve", "已协调夜间停工");
      started.add(toVisit.processInstanceId());
      return List.copyOf(started);
    }

    /** An event reported in {@code community} and escalated {@code levels} times, each time by the user of the level holding it. */
    private String escalated(String community, int levels) {
      ReportedEvent event = events.report("hotline", "road-occupation", community, false);
      List<String> chain = List.of(community, community.substring(0, 9) + "000", community.substring(0, 6) + "000000");
      for (int level = 0; level < levels; level++) {
        events.act(userOf(chain.get(level)), event, "escalate", "本级无法处置，请上级协调");
      }
      return event.processInstanceId();
    }

    private static String userOf(String unit) {
      return DEMO_USERS.getOrDefault(unit, "u" + unit);
    }

    /**
     * Removes the cases and events (runtime and history, their called instances included) and our notices and clocks of
     * them: the smoke test shares its database with tests that count open work.
     */
    void remove(DataSource dataSource) throws SQLException {
      if (started.isEmpty()) {
        return;
      }
      List<String> instances = new ArrayList<>();
      for (String root : started) {
        engine.getHistoryService().createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list().stream()
            .map(HistoricProcessInstance::getId).forEach(instances::add);
      }
      try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
        String in = instances.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ", "(", ")"));
        statement.executeUpdate("DELETE FROM jz_notice WHERE process_instance_id IN " + in);
        statement.executeUpdate("DELETE FROM jz_clock WHERE process_instance_id IN " + in);
      }
      engine.getRuntimeService().deleteProcessInstancesIfExists(started, "待办基准冒烟测试清理", true, true, false);
      engine.getHistoryService().deleteHistoricProcessInstancesIfExists(instances);
    }
  }

  /**
   * Copies open tasks with SQL (PostgreSQL and H2): each clone is a task row with its own id (the template's with the suffix
   * {@code ~run-n}), its own candidate identity link and its own copies of the grants on the template task (the engine's
   * task and historic-task grants for the candidate group, same TYPE_ and PERMS_); a claimed clone also gets them for its
   * assignee, as a claim gives. Its due date lies between three days ago and 20 working days ahead (end of a working day, as deadlines
   * end), it was created up to four weeks before, 15 % are claimed by a user of the unit, and rows go in by creation time
   * as a city writes them.
   *
   * <p>A clone stays in its template's execution and process instance: the rows it points to exist, a clerk opening it sees
   * the template's case, and the queries measured read the same tables with the same plans as for tasks of their own cases —
   * Tasklist's task query and count join only the task, its identity links, its process definition and the grants on the
   * task or the definition, never the execution. What a clone does not add: the process-instance grants a case of its own
   * would bring (the unit already holds the one on the template's case, so the engine would not add another either), and
   * history, variables and jobs, which Tasklist's list does not read.
   */
  static final class TaskCloner {

    static final String MARK = "~";
    private static final String PLAN = "jz_tasklist_plan";
    private static final double CLAIMED = 0.15;

    final Connection db;
    private final Random random = new Random(15);

    TaskCloner(Connection db) {
      this.db = db;
    }

    /** A clone to make: which template task, for which unit, its suffix, due date, creation time and assignee (null: unclaimed). */
    record Clone(String template, String unit, String suffix, Timestamp due, Timestamp created, String assignee) {
    }

    /**
     * Clones the open tasks of the cases under {@code roots} that have one candidate group: {@code share} of the clones for
     * {@code unit}, the rest in equal parts for the other units; answers what it made.
     */
    List<Clone> cloneTasks(int clones, String unit, double share, List<String> roots, Instant now) throws SQLException {
      Map<String, List<Template>> templates = templates(roots);
      if (!templates.containsKey(unit)) {
        throw new IllegalStateException(unit + " has no open task to clone among " + templates.keySet());
      }
      List<Clone> plan = plan(templates, clones, unit, share, now);
      execute("DROP TABLE IF EXISTS " + PLAN);
      execute("CREATE TABLE " + PLAN + " (template_id VARCHAR(64), unit VARCHAR(64), suffix VARCHAR(20), due_date TIMESTAMP, "
          + "create_time TIMESTAMP, assignee VARCHAR(64))");
      insert(plan);
      copy("ACT_RU_TASK", "m.template_id = x.ID_", Map.of("ID_", "x.ID_ || m.suffix", "DUE_DATE_", "m.due_date",
          "CREATE_TIME_", "m.create_time", "ASSIGNEE_", "m.assignee"));
      copy("ACT_RU_IDENTITYLINK", "m.template_id = x.TASK_ID_", Map.of("ID_", "x.ID_ || m.suffix", "TASK_ID_", "x.TASK_ID_ || m.suffix"));
      copy("ACT_RU_AUTHORIZATION", "m.template_id = x.RESOURCE_ID_", Map.of("ID_", "x.ID_ || m.suffix",
          "RESOURCE_ID_", "x.RESOURCE_ID_ || m.suffix"));
      copy("ACT_RU_AUTHORIZATION", "m.template_id = x.RESOURCE_ID_ AND x.GROUP_ID_ = m.unit AND m.assignee IS NOT NULL",
          Map.of("ID_", "x.ID_ || m.suffix || 'a'", "RESOURCE_ID_", "x.RESOURCE_ID_ || m.suffix", "USER_ID_", "m.assignee",
              "GROUP_ID_", "NULL"));
      execute("DROP TABLE " + PLAN);
      // what autovacuum does after such a load (it is off on the benchmark machine's PostgreSQL): the planner's figures, and
      // the visibility map that lets index-only scans skip the table
      execute("PostgreSQL".equals(db.getMetaData().getDatabaseProductName()) ? "VACUUM ANALYZE" : "ANALYZE");
      return plan;
    }

    /** Removes every clone, whoever made it. */
    void removeClones() throws SQLException {
      execute("DELETE FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ LIKE '%" + MARK + "%'");
      execute("DELETE FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ LIKE '%" + MARK + "%'");
      execute("DELETE FROM ACT_RU_TASK WHERE ID_ LIKE '%" + MARK + "%'");
    }

    /** A task to copy: its id, whether it has a due date, and a user of its unit to claim copies. */
    record Template(String taskId, boolean due, String unitUser) {
    }

    /** The open tasks of the cases with exactly one candidate group, by that group. */
    private Map<String, List<Template>> templates(List<String> roots) throws SQLException {
      String in = roots.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ", "(", ")"));
      Map<String, List<Template>> byUnit = new LinkedHashMap<>();
      try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
          SELECT t.ID_, MIN(i.GROUP_ID_), MIN(t.DUE_DATE_)
          FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ JOIN ACT_RU_IDENTITYLINK i ON i.TASK_ID_ = t.ID_
          WHERE e.ROOT_PROC_INST_ID_ IN %s AND t.ID_ NOT LIKE '%%%s%%' AND t.ASSIGNEE_ IS NULL AND i.TYPE_ = 'candidate'
          GROUP BY t.ID_ HAVING COUNT(i.GROUP_ID_) = 1 AND COUNT(i.USER_ID_) = 0 ORDER BY t.ID_""".formatted(in, MARK))) {
        while (rows.next()) {
          String unit = rows.getString(2);
          byUnit.computeIfAbsent(unit, any -> new ArrayList<>()).add(new Template(rows.getString(1), rows.getTimestamp(3) != null, null));
        }
      }
      Map<String, List<Template>> withUsers = new LinkedHashMap<>();
      for (Map.Entry<String, List<Template>> unit : byUnit.entrySet()) {
        String user = userOf(unit.getKey());
        withUsers.put(unit.getKey(),
            unit.getValue().stream().map(template -> new Template(template.taskId(), template.due(), user)).toList());
      }
      return withUsers;
    }

    private String userOf(String unit) throws SQLException {
      try (PreparedStatement query = db.prepareStatement("SELECT MIN(USER_ID_) FROM ACT_ID_MEMBERSHIP WHERE GROUP_ID_ = ?")) {
        query.setString(1, unit);
        try (ResultSet row = query.executeQuery()) {
          row.next();
          return row.getString(1);
        }
      }
    }

    private List<Clone> plan(Map<String, List<Template>> templates, int clones, String unit, double share, Instant now) {
      String run = Long.toString(System.currentTimeMillis(), 36);
      int ofUnit = (int) Math.round(clones * share);
      List<String> others = templates.keySet().stream().filter(other -> !other.equals(unit)).toList();
      List<Clone> plan = new ArrayList<>();
      for (int n = 0; n < clones; n++) {
        String of = n < ofUnit || others.isEmpty() ? unit : others.get((n - ofUnit) % others.size());
        List<Template> candidates = templates.get(of);
        Template template = candidates.get(n % candidates.size());
        Instant due = due(now);
        Instant created = min(now.minusSeconds(60 + random.nextInt(3600)),
            due.minus(Duration.ofMinutes(60 + random.nextInt(28 * 24 * 60))));
        String assignee = random.nextDouble() < CLAIMED ? template.unitUser() : null;
        plan.add(new Clone(template.taskId(), of, MARK + run + "-" + n, template.due() ? Timestamp.from(due) : null,
            Timestamp.from(created), assignee));
      }
      return plan;
    }

    /** The end of a working day (Monday to Friday) between three days ago and 20 working days ahead. */
    private Instant due(Instant now) {
      LocalDate day = LocalDate.ofInstant(now, CITY).minusDays(3).plusDays(random.nextInt(31));
      while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        day = day.plusDays(1);
      }
      return day.atTime(23, 59, 59).atZone(CITY).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
      return a.isBefore(b) ? a : b;
    }

    private void insert(List<Clone> plan) throws SQLException {
      try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + PLAN + " VALUES (?, ?, ?, ?, ?, ?)")) {
        int batched = 0;
        for (Clone clone : plan) {
          insert.setString(1, clone.template());
          insert.setString(2, clone.unit());
          insert.setString(3, clone.suffix());
          insert.setTimestamp(4, clone.due());
          insert.setTimestamp(5, clone.created());
          insert.setString(6, clone.assignee());
          insert.addBatch();
          if (++batched % 1000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
    }

    /** INSERT … SELECT of the template rows, once per planned clone, in the clones' order of creation. */
    private void copy(String table, String join, Map<String, String> replaced) throws SQLException {
      List<String> columns = columns(table);
      String values = columns.stream().map(column -> replaced.getOrDefault(column.toUpperCase(Locale.ROOT), "x." + column))
          .collect(Collectors.joining(", "));
      long started = System.nanoTime();
      int rows;
      try (Statement statement = db.createStatement()) {
        rows = statement.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + values + " FROM " + table
            + " x JOIN " + PLAN + " m ON " + join + " ORDER BY m.create_time");
      }
      System.out.printf("  %-22s %,9d rows %6.1f s%n", table, rows, (System.nanoTime() - started) / 1e9);
    }

    private List<String> columns(String table) throws SQLException {
      DatabaseMetaData meta = db.getMetaData();
      String name = meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
      List<String> columns = new ArrayList<>();
      try (ResultSet rows = meta.getColumns(db.getCatalog(), db.getSchema(), name, null)) {
        while (rows.next()) {
          columns.add(rows.getString("COLUMN_NAME"));
        }
      }
      return columns;
    }

    private void execute(String sql) throws SQLException {
      try (Statement statement = db.createStatement()) {
        statement.execute(sql);
      }
    }
  }

  /**
   * What Tasklist asks when a clerk opens it, through the engine REST API as one user: the filter list (Tasklist's own, and
   * ours with every filter's count, {@code tasklist/scripts/filter-counts.js}), a filter's first page (Tasklist's body:
   * empty variable searches, its default sorting — created, descending — after the filter's own by due date, active tasks,
   * HAL) and a filter's count.
   */
  static final class TasklistCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = """
        {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":%d,"maxResults":%d,\
        "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";

    private final Http http;
    private final String user;

    TasklistCalls(int port, String user) {
      this.http = new Http(port);
      this.user = user;
    }

    interface Call {
      Object ask() throws Exception;
    }

    Map<String, Call> tasklistCalls() throws Exception {
      String todo = filterId(TODO);
      String mine = filterId(MINE);
      String ownUnit = filterId(OWN_UNIT);
      String dueSoon = filterId(DUE_SOON);
      Map<String, Call> calls = new LinkedHashMap<>();
      calls.put("filter list (Tasklist, first call)", () -> get("/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task"));
      calls.put(TODO + " page 1", () -> pageOne(todo));
      calls.put(TODO + " count", () -> count(todo));
      calls.put(MINE + " count", () -> count(mine));
      calls.put(OWN_UNIT + " page 1", () -> pageOne(ownUnit));
      calls.put(OWN_UNIT + " count", () -> count(ownUnit));
      calls.put(DUE_SOON + " page 1", () -> pageOne(dueSoon));
      calls.put(DUE_SOON + " count", () -> count(dueSoon));
      calls.put("filter list with counts (filter-counts.js)", () -> get("/filter?resourceType=Task&itemCount=true"));
      return calls;
    }

    String filterId(String name) throws Exception {
      JsonNode filters = get("/filter?resourceType=Task&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
      if (filters.size() != 1) {
        throw new IllegalStateException(user + " sees " + filters.size() + " filters named " + name);
      }
      return filters.get(0).get("id").asText();
    }

    /** The page's tasks ({@code _embedded.task}) and the filter's count, as Tasklist receives them. */
    JsonNode pageOne(String filterId) throws Exception {
      return page(filterId, 0, 15);
    }

    JsonNode page(String filterId, int firstResult, int maxResults) throws Exception {
      HttpRequest.Builder request = http.request(user, "/engine-rest/filter/" + filterId + "/list?firstResult=" + firstResult
              + "&maxResults=" + maxResults)
          .header("Content-Type", "application/json").header("Accept", "application/hal+json, application/json; q=0.5")
          .POST(HttpRequest.BodyPublishers.ofString(PAGE.formatted(firstResult, maxResults), StandardCharsets.UTF_8));
      return answer(http.send(request), "list of " + filterId);
    }

    long count(String filterId) throws Exception {
      return get("/filter/" + filterId + "/count").get("count").asLong();
    }

    private JsonNode get(String path) throws Exception {
      return answer(http.send(http.request(user, "/engine-rest" + path).header("Accept", "application/json").GET()), path);
    }

    private JsonNode answer(Http.Response response, String what) throws Exception {
      if (response.status() != 200) {
        throw new IllegalStateException(what + " as " + user + ": " + response.status() + " " + response.body());
      }
      return JSON.readTree(response.body());
    }
  }
}
