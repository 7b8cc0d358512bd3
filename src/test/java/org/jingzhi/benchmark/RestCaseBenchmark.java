package org.jingzhi.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.jingzhi.JingzhiApplication;
import org.jingzhi.benchmark.bare.BareEngineApplication;
import org.jingzhi.escalation.Events;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Database work per case through the REST API, Jingzhi against the bare engine ({@link BareEngineApplication}), each on
 * a fresh PostgreSQL database of its own, in one run: the same call pattern for both — start, then for each step one
 * task query, a claim and a completion by the user of the task's unit — for a restaurant-opening case (accept → four
 * parallel reviews → issue). Prints cases/s (client threads) and, per case from each database's {@code pg_stat_database},
 * rows inserted, updated, deleted, commits and rows read, with the ratios. Not a test: it asserts nothing.
 *
 * <p>{@code ./mvnw -Pbenchmark test-compile exec:java -Dbenchmark.main=org.jingzhi.benchmark.RestCaseBenchmark
 * -Dbenchmark.cases=20 -Dbenchmark.threads=4}; {@code -Dbenchmark.past=N} first runs N cases more on each database and
 * vacuums and analyzes its tables as autovacuum would, so that the measured cases meet a city's past, warm code, and the
 * plans PostgreSQL makes for it. {@code -Dbenchmark.rounds=N} measures the cases in N rounds, the bare engine's and
 * Jingzhi's alternating (each first in every other round), and sums them: on a shared machine a slower minute then falls
 * on both. {@code -Dbenchmark.open=N} leaves N cases open on each database before the measurement (accepted, their four
 * reviews waiting) and then vacuums and analyzes it: a city's open work, without which the runtime tables are nearly
 * empty and PostgreSQL plans their statements as scans of a few pages, dead rows included. With
 * {@code -Dbenchmark.bare-task-parent-index=true} the bare engine gets the one index of ours its statements use
 * ({@code V11}: a task's subtasks, looked up at every completion), so that open work measures the rest of the difference.
 * {@code -Dbenchmark.profile=<directory>} records each measured window with Java Flight Recorder ({@link ProfiledWindow}).
 * {@code -Dbenchmark.bare-data=true} measures a third engine alike, a bare one running the case's shape with its data,
 * timers and messages ({@link BareModelWithCaseData}), and prints Jingzhi against it: what Jingzhi's own additions cost.
 */
public final class RestCaseBenchmark {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String BARE = "bare-joint-approval";
  /** The database of the bare engine given the case's data, timers and messages ({@code benchmark.bare-data}). */
  static final String BARE_DATA_DATABASE = "jingzhi_bare_data";
  /** Ours ({@code V11}): a task's subtasks, which the engine looks up at every completion. */
  private static final String TASK_PARENT_INDEX = "CREATE INDEX jz_ru_task_parent ON ACT_RU_TASK (PARENT_TASK_ID_)";
  /**
   * Our migrations of indexes on the engine's tables that the engine's own statements use, run on the database of the
   * bare engine with the case's data so that the comparison is of work, not of indexes: a scope's variables ({@code V16})
   * and the due timers the job executor looks up ({@code V18}; the bare engines read Jingzhi's application.yaml, whose job
   * executor asks by due date, and this engine, unlike the bare process, has timers); with {@code V11}'s index of a
   * task's subtasks.
   */
  private static final List<String> CASE_DATA_MIGRATIONS = List.of("db/vendor/postgresql/V16__scope_variable_index.sql",
      "db/vendor/postgresql/V18__job_acquisition_indexes.sql");
  static final List<String> DEPARTMENTS = JointApprovalBenchmark.DEPARTMENTS;

  private RestCaseBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int cases = Integer.getInteger("benchmark.cases", 20);
    int threads = Integer.getInteger("benchmark.threads", 4);
    int warmup = Integer.getInteger("benchmark.warmup", 100);
    int past = Integer.getInteger("benchmark.past", 0);
    int open = Integer.getInteger("benchmark.open", 0);
    boolean withData = Boolean.getBoolean("benchmark.bare-data");
    BareEngineApplication.History dataHistory = "audit".equals(System.getProperty("benchmark.bare-data-history"))
        ? BareEngineApplication.History.AUDIT_STAMPED_AT_START : BareEngineApplication.History.CAMUNDA_DEFAULT;
    ProfiledWindow.prepare();
    try (ConfigurableApplicationContext jingzhi = startJingzhi(freshDatabase("jingzhi_bench"));
         ConfigurableApplicationContext bare = BareEngineApplication.start(freshDatabase("jingzhi_bare"));
         ConfigurableApplicationContext bareData = withData ? BareEngineApplication.start(freshDatabase(BARE_DATA_DATABASE), "bareData", dataHistory)
             : null) {
      deployBare(bare.getBean(ProcessEngine.class));
      Client jingzhiClient = new Client(port(jingzhi), "/engine-rest", true);
      Client bareClient = new Client(port(bare), "/engine-rest/engine/bare", false);
      Client dataClient = withData ? new Client(port(bareData), "/engine-rest/engine/bareData", false) : null;
      if (withData) {
        BareModelWithCaseData.deploy(bareData.getBean(ProcessEngine.class));
      }
      // all warmed before any is measured: they share this JVM's compiled engine code, which the first run compiles
      JointApprovalBenchmark.run(() -> bareClient.bareCase(), warmup, threads);
      if (withData) {
        JointApprovalBenchmark.run(() -> dataClient.caseWithData(), warmup, threads);
      }
      JointApprovalBenchmark.run(() -> jingzhiClient.jointApproval(), warmup, threads);
      if (Boolean.getBoolean("benchmark.bare-task-parent-index")) {
        withDatabase("jingzhi_bare", TASK_PARENT_INDEX);
      }
      if (withData) {
        withDatabase(BARE_DATA_DATABASE, TASK_PARENT_INDEX);
        for (String migration : CASE_DATA_MIGRATIONS) {
          withDatabase(BARE_DATA_DATABASE, new ClassPathResource(migration).getContentAsString(StandardCharsets.UTF_8));
        }
      }
      if (open > 0) {
        JointApprovalBenchmark.run(() -> bareClient.openBareCase(), open, threads);
        JointApprovalBenchmark.run(() -> jingzhiClient.openJointApproval(), open, threads);
        vacuumAndAnalyze("jingzhi_bare");
        vacuumAndAnalyze("jingzhi_bench");
        if (withData) {
          JointApprovalBenchmark.run(() -> dataClient.openCaseWithData(), open, threads);
          vacuumAndAnalyze(BARE_DATA_DATABASE);
        }
      }
      // in alternating rounds, the bare process and Jingzhi each first in every other one, so that what else the machine
      // does meanwhile falls on both alike; the bare engine with the case's data runs between them
      int rounds = Math.max(1, Math.min(cases, Integer.getInteger("benchmark.rounds", 1)));
      Measured bareRun = null;
      Measured dataRun = null;
      Measured jingzhiRun = null;
      Statements.reset();
      for (int round = 0; round < rounds; round++) {
        int share = cases / rounds + (round < cases % rounds ? 1 : 0);
        int roundPast = round == 0 ? past : 0;
        boolean bareFirst = round % 2 == 0;
        if (bareFirst) {
          bareRun = Measured.sum(bareRun, measure("jingzhi_bare", () -> bareClient.bareCase(), roundPast, share, threads));
        }
        if (withData) {
          dataRun = Measured.sum(dataRun, measure(BARE_DATA_DATABASE, () -> dataClient.caseWithData(), roundPast, share, threads));
        }
        jingzhiRun = Measured.sum(jingzhiRun, measure("jingzhi_bench", () -> jingzhiClient.jointApproval(), roundPast, share, threads));
        if (!bareFirst) {
          bareRun = Measured.sum(bareRun, measure("jingzhi_bare", () -> bareClient.bareCase(), roundPast, share, threads));
        }
      }
      System.out.println(table(bareRun, jingzhiRun, cases, threads, rounds));
      if (withData) {
        System.out.println(tableAgainstCaseData(dataRun, jingzhiRun, dataHistory));
        System.out.println(Statements.compared("bare engine with the case's data, timers and messages", BARE_DATA_DATABASE,
            "jingzhi_bench", cases + past));
      }
      System.out.println(TableCounters.perCase(bareRun.tables(), jingzhiRun.tables(), cases));
      System.out.println(TableCounters.perIndex(bareRun.indexes(), jingzhiRun.indexes(), cases, 25));
      System.out.println(Statements.compared("jingzhi_bare", "jingzhi_bench", cases + past));
      System.out.println(Statements.mostCalled("jingzhi_bare", "jingzhi_bench", cases + past, Integer.getInteger("benchmark.statements", 40)));
      System.out.println(Statements.perCase("jingzhi_bench", cases + past));
      System.out.println(historySizes(jingzhi, jingzhiClient, bareClient, cases, threads));
    }
  }

  /**
   * What the measured cases of one engine did, summed over its rounds: how many, in how many seconds, the database's
   * counters ({@code database}: inserted, updated, deleted, commits, rows read), its tables' counts and the processor time.
   */
  record Measured(int cases, double seconds, long[] database, Map<String, TableCounters.Counts> tables,
                  Map<String, Long> indexes, CpuTime cpu) {

    static Measured sum(Measured one, Measured other) {
      if (one == null) {
        return other;
      }
      long[] database = new long[one.database.length];
      Arrays.setAll(database, i -> one.database[i] + other.database[i]);
      return new Measured(one.cases + other.cases, one.seconds + other.seconds, database,
          TableCounters.sum(one.tables, other.tables, TableCounters.Counts::plus), TableCounters.sum(one.indexes, other.indexes, Long::sum),
          one.cpu.plus(other.cpu));
    }

    double casesPerSecond() {
      return cases / seconds;
    }

    double inserted() {
      return perCase(0);
    }

    double updated() {
      return perCase(1);
    }

    double deleted() {
      return perCase(2);
    }

    double commits() {
      return perCase(3);
    }

    double read() {
      return perCase(4);
    }

    private double perCase(int counter) {
      return database[counter] / (double) cases;
    }
  }

  static Measured measure(String database, JointApprovalBenchmark.Runner runner, int past, int cases, int threads) throws Exception {
    if (past > 0) {
      JointApprovalBenchmark.run(runner, past, threads);
      vacuumAndAnalyze(database);
    }
    settle();
    // the tables first: their look is reported when its connection closes, before the database's counters are read
    Map<String, TableCounters.Counts> tablesBefore = TableCounters.snapshot(database);
    Map<String, Long> indexesBefore = TableCounters.indexReads(database);
    TimeUnit.SECONDS.sleep(1);
    long[] before = counters(database);
    CpuTime cpuBefore = CpuTime.now();
    double rate;
    CpuTime cpu;
    ScheduledExecutorService autovacuum = autovacuum(database);
    // the profile's file is written after the window's processor time is taken
    try (ProfiledWindow profile = ProfiledWindow.start(database)) {
      try {
        rate = JointApprovalBenchmark.run(runner, cases, threads);
      } finally {
        autovacuum.shutdown();
        autovacuum.awaitTermination(1, TimeUnit.MINUTES);
      }
      cpu = CpuTime.now().minus(cpuBefore);
    }
    settle();
    long[] after = counters(database);
    Map<String, TableCounters.Counts> tablesAfter = TableCounters.snapshot(database);
    Map<String, Long> indexesAfter = TableCounters.indexReads(database);
    long[] done = new long[after.length];
    Arrays.setAll(done, i -> after[i] - before[i]);
    return new Measured(cases, cases / rate, done,
        TableCounters.difference(tablesBefore, tablesAfter, new TableCounters.Counts(0, 0, 0, 0, 0), TableCounters.Counts::minus),
        TableCounters.difference(indexesBefore, indexesAfter, 0L, (later, earlier) -> later - earlier), cpu);
  }

  /**
   * History bytes per case of both and per event ({@code benchmark.events}, the number of cases by default, resolved at the
   * community, through the engine), each measured around runs of their own (compacting the database is no part of the
   * counters above); and what 20 million such events a year leave.
   */
  static String historySizes(ConfigurableApplicationContext jingzhi, Client jingzhiClient, Client bareClient, int cases, int threads)
      throws Exception {
    int events = Integer.getInteger("benchmark.events", cases);
    ProcessEngine engine = jingzhi.getBean(ProcessEngine.class);
    Events eventService = jingzhi.getBean(Events.class);
    double bare = bytesPerRun("jingzhi_bare", () -> bareClient.bareCase(), cases, threads);
    double jingzhiCase = bytesPerRun("jingzhi_bench", () -> jingzhiClient.jointApproval(), cases, threads);
    double perEvent = bytesPerRun("jingzhi_bench", () -> HistorySize.resolvedEvent(engine, eventService), events, threads);
    return String.format("History on disk (tables, indexes, TOAST; pg_total_relation_size around runs of their own, compacted)%n"
        + "| | bytes |%n|---|---|%n| per case, bare engine | %.0f |%n| per case, Jingzhi (restaurant opening) | %.0f |%n"
        + "| per event, Jingzhi (%d events resolved at the community, return visit) | %.0f |%n"
        + "| 20 million such events a year | %.0f GB |%n", bare, jingzhiCase, events, perEvent, perEvent * 20_000_000 / 1e9);
  }

  private static double bytesPerRun(String database, JointApprovalBenchmark.Runner runner, int runs, int threads) throws Exception {
    long before = HistorySize.bytes(database);
    JointApprovalBenchmark.run(runner, runs, threads);
    return (HistorySize.bytes(database) - before) / (double) runs;
  }

  /**
   * What autovacuum does on a production server (it is off on the benchmark's machine): the dead rows of ended cases
   * removed, so that index scans of the runtime tables do not walk past them, and every table's statistics, without
   * which PostgreSQL plans each statement on guesses about nearly empty tables.
   */
  private static void vacuumAndAnalyze(String database) throws Exception {
    withDatabase(database, "VACUUM ANALYZE");
  }

  private static void withDatabase(String database, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")) {
      connection.createStatement().execute(sql);
    }
  }

  /**
   * With {@code benchmark.autovacuum=N} (seconds), vacuums and analyzes the measured database every N seconds while the
   * cases run, as autovacuum keeps a busy production server's churning runtime tables (it is off on the benchmark's
   * machine): the rows read then show the plans PostgreSQL makes with statistics, not its guesses about tables it never
   * analyzed. Off (0) by default.
   */
  private static ScheduledExecutorService autovacuum(String database) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    int every = Integer.getInteger("benchmark.autovacuum", 0);
    if (every > 0) {
      executor.scheduleWithFixedDelay(() -> {
        try {
          vacuumAndAnalyze(database);
        } catch (Exception e) {
          System.err.println("autovacuum of " + database + " failed: " + e.getMessage());
        }
      }, 0, every, TimeUnit.SECONDS);
    }
    return executor;
  }

  /** Backends report their counts when idle for 10 s at the latest: waits that long, so that a run's counts are all in. */
  private static void settle() throws InterruptedException {
    TimeUnit.SECONDS.sleep(11);
  }

  /** {@code pg_stat_database} of the database: inserted, updated, deleted, commits, rows read (others' counts do not mix in). */
  static long[] counters(String database) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
         ResultSet row = connection.createStatement().executeQuery("SELECT tup_inserted, tup_updated, tup_deleted, xact_commit, tup_returned"
             + " FROM pg_stat_database WHERE datname = '" + database + "'")) {
      row.next();
      return new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)};
    }
  }

  /**
   * Jingzhi against the bare engine running the case's shape with its data, timers and messages
   * ({@link BareModelWithCaseData}): what Jingzhi's own additions cost — logins, authorization and grants, working-day
   * clocks, notices, catalogue, the operation log, the trimmed history — without the data every case holds. No targets: the
   * issue's are against the bare process above.
   */
  static String tableAgainstCaseData(Measured data, Measured jingzhi, BareEngineApplication.History history) {
    StringBuilder out = new StringBuilder(String.format("Against the bare engine given the case's data, timers and messages"
        + " (%s, history %s; not the issue's comparison)%n| per case | bare engine with the case's data | Jingzhi | ratio |%n|---|---|---|---|%n",
        BareModelWithCaseData.KEY, history));
    compared(out, "throughput (cases/s)", data.casesPerSecond(), jingzhi.casesPerSecond());
    compared(out, "rows written (all three)", data.inserted() + data.updated() + data.deleted(),
        jingzhi.inserted() + jingzhi.updated() + jingzhi.deleted());
    compared(out, "commits", data.commits(), jingzhi.commits());
    compared(out, "rows read (tup_returned)", data.read(), jingzhi.read());
    compared(out, "processor ms, this JVM (client and the servers)", data.cpu().jvmMillis() / (double) data.cases(),
        jingzhi.cpu().jvmMillis() / (double) jingzhi.cases());
    if (data.cpu().databaseMillis() >= 0) {
      compared(out, "processor ms, PostgreSQL's processes", data.cpu().databaseMillis() / (double) data.cases(),
          jingzhi.cpu().databaseMillis() / (double) jingzhi.cases());
    }
    return out.toString();
  }

  static String table(Measured bare, Measured jingzhi, int cases, int threads, int rounds) {
    StringBuilder out = new StringBuilder(String.format("%n%d cases each after a warm-up, in %d alternating round(s), %d client threads,"
        + " PostgreSQL, through the REST API%n| per case | bare engine | Jingzhi | ratio | target (issue 15) |%n|---|---|---|---|---|%n",
        cases, rounds, threads));
    row(out, "throughput (cases/s)", bare.casesPerSecond(), jingzhi.casesPerSecond(), "≥ 0.85", ratio -> ratio >= 0.85);
    row(out, "rows inserted", bare.inserted(), jingzhi.inserted(), null, null);
    row(out, "rows updated", bare.updated(), jingzhi.updated(), null, null);
    row(out, "rows deleted", bare.deleted(), jingzhi.deleted(), null, null);
    row(out, "rows written (all three)", bare.inserted() + bare.updated() + bare.deleted(),
        jingzhi.inserted() + jingzhi.updated() + jingzhi.deleted(), "≤ 2.5", ratio -> ratio <= 2.5);
    row(out, "commits", bare.commits(), jingzhi.commits(), "≤ 2", ratio -> ratio <= 2);
    row(out, "rows read (tup_returned)", bare.read(), jingzhi.read(), "≤ 3", ratio -> ratio <= 3);
    row(out, "processor ms, this JVM (client and the servers)", bare.cpu().jvmMillis() / (double) cases,
        jingzhi.cpu().jvmMillis() / (double) cases, null, null);
    if (bare.cpu().databaseMillis() >= 0) {
      row(out, "processor ms, PostgreSQL's processes", bare.cpu().databaseMillis() / (double) cases,
          jingzhi.cpu().databaseMillis() / (double) cases, null, null);
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String name, double bare, double jingzhi, String target, DoublePredicate met) {
    double ratio = jingzhi / bare;
    String verdict = target == null ? "" : target + (met.test(ratio) ? " met" : " not met");
    out.append(String.format("| %s | %.1f | %.1f | %.2f | %s |%n", name, bare, jingzhi, ratio, verdict));
  }

  private static void compared(StringBuilder out, String name, double bare, double jingzhi) {
    out.append(String.format("| %s | %.1f | %.1f | %.2f |%n", name, bare, jingzhi, jingzhi / bare));
  }

  static ConfigurableApplicationContext startJingzhi(String url, String... more) {
    List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + System.getenv().getOrDefault("JINGZHI_DB_USER", "postgres"),
        "--spring.datasource.password=" + System.getenv().getOrDefault("JINGZHI_DB_PASSWORD", ""),
        "--jingzhi.rates.count-ended-every=0s", "--logging.level.root=warn"));
    arguments.addAll(List.of(more));
    return new SpringApplicationBuilder(JingzhiApplication.class).profiles("postgres", "demo").run(arguments.toArray(String[]::new));
  }

  static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  /** accept → four parallel reviews (one per department's group) → issue; no listeners, variables or timers. */
  static void deployBare(ProcessEngine engine) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(180)
        .startEvent().userTask("windowAcceptance").camundaCandidateGroups("service-center")
        .parallelGateway("fork")
        .userTask("review_market").camundaCandidateGroups("market").parallelGateway("join")
        .moveToNode("fork").userTask("review_fire").camundaCandidateGroups("fire").connectTo("join")
        .moveToNode("fork").userTask("review_ecology").camundaCandidateGroups("ecology").connectTo("join")
        .moveToNode("fork").userTask("review_urban").camundaCandidateGroups("urban").connectTo("join")
        .moveToNode("join").userTask("issueResult").camundaCandidateGroups("service-center").endEvent()
        .done();
    engine.getRepositoryService().createDeployment().name(BARE).addModelInstance(BARE + ".bpmn", model).enableDuplicateFiltering(true).deploy();
  }

  /** Drops and creates the database so every run starts from the same empty one. */
  static String freshDatabase(String name) {
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
      connection.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      connection.createStatement().execute("CREATE DATABASE " + name);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot prepare the benchmark database on 127.0.0.1:5432: " + e.getMessage(), e);
    }
    return "jdbc:postgresql://127.0.0.1:5432/" + name;
  }

  /** The REST calls of one case, as a client makes them: one task query per step, claimed and completed by its unit's user. */
  static final class Client {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String engine;
    private final boolean login;

    /** {@code engine}: the engine's REST root; the bare engine shares the JVM with Jingzhi's, which is the default. */
    Client(int port, String engine, boolean login) {
      this.base = "http://127.0.0.1:" + port;
      this.engine = engine;
      this.login = login;
    }

    /** One restaurant-opening case, approved; answers its process instance. */
    String jointApproval() throws Exception {
      return approvedAndIssued(openJointApproval());
    }

    /** An accepted case's four reviews approved by their departments, then its result issued at the window. */
    private String approvedAndIssued(String instance) throws Exception {
      for (String department : DEPARTMENTS) {
        step(department, instance, "review", department, Map.of("decision", "approved", "opinion", "同意"));
      }
      step("window", instance, "issueResult", null, Map.of("issueNote", "已送达"));
      return instance;
    }

    /** One restaurant-opening case, submitted and accepted: left with its four departments' reviews open. */
    String openJointApproval() throws Exception {
      JsonNode submitted = send("window", "POST", "/api/joint-approvals", Map.of("matterType", "restaurant-opening",
          "projectName", "基准测试餐饮店开业", "applicant", Map.of("name", "张三", "idNumber", "11010519491231002X", "phone", "13800138000"),
          "materials", List.of("营业执照申请书", "场地使用证明")));
      String instance = submitted.get("processInstanceId").asText();
      step("window", instance, "windowAcceptance", null, Map.of("acceptance", "accepted", "opinion", "材料齐全"));
      return instance;
    }

    String bareCase() throws Exception {
      String instance = openBareCase();
      for (String department : DEPARTMENTS) {
        step(department, instance, "review_" + department, department, Map.of());
      }
      step("window", instance, "issueResult", null, Map.of());
      return instance;
    }

    /** One bare case, started and accepted: left with its four reviews open. */
    String openBareCase() throws Exception {
      String instance = send(null, "POST", engine + "/process-definition/key/" + BARE + "/start", Map.of()).get("id").asText();
      step("window", instance, "windowAcceptance", null, Map.of());
      return instance;
    }

    /**
     * One case of {@link BareModelWithCaseData}, approved, with the answers Jingzhi's case gets: the application's six
     * variables at the start, the window's acceptance, each department's decision and opinion, the note.
     */
    String caseWithData() throws Exception {
      return approvedAndIssued(openCaseWithData());
    }

    /** One case of {@link BareModelWithCaseData}, started and accepted: left with its four reviews open. */
    String openCaseWithData() throws Exception {
      Map<String, Object> application = new LinkedHashMap<>();
      JointApprovalBenchmark.APPLICATION.forEach((name, value) -> application.put(name, Map.of("value", value)));
      String instance = send(null, "POST", engine + "/process-definition/key/" + BareModelWithCaseData.KEY + "/start",
          Map.of("variables", application)).get("id").asText();
      step("window", instance, "windowAcceptance", null, Map.of("acceptance", "accepted", "opinion", "材料齐全"));
      return instance;
    }

    /** A department's review of the case, approved, as its clerk does it; answers how long the completion took, in ms. */
    double approveReview(String instance, String department) throws Exception {
      return step(department, instance, "review", department, Map.of("decision", "approved", "opinion", "同意"));
    }

    /** Answers how long the completion took, in ms. */
    private double step(String user, String instance, String activity, String group, Map<String, Object> answers) throws Exception {
      JsonNode tasks = send(user, "GET", engine + "/task?processInstanceId=" + instance + "&taskDefinitionKey=" + activity
          + (group == null ? "" : "&candidateGroup=" + group), null);
      String task = tasks.get(0).get("id").asText();
      send(user, "POST", engine + "/task/" + task + "/claim", Map.of("userId", user));
      Map<String, Object> variables = new LinkedHashMap<>();
      answers.forEach((name, value) -> variables.put(name, Map.of("value", value)));
      long started = System.nanoTime();
      send(user, "POST", engine + "/task/" + task + "/complete", Map.of("variables", variables));
      return (System.nanoTime() - started) / 1e6;
    }

    private JsonNode send(String user, String method, String path, Object body) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
      if (login && user != null) {
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
      }
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
      }
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
  }
}
