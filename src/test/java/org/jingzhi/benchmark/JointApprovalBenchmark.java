package org.jingzhi.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.jingzhi.JingzhiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs N complete joint-approval cases (restaurant opening: window acceptance, four departments in
 * parallel, issuing the result) and, on the same engine in the same run, N cases of a bare process of
 * the same shape (start, four parallel multi-instance user tasks, end; no listeners, no DMN, no
 * timers). Prints cases per second for both and their ratio. Not a test: it asserts nothing.
 *
 * <p>{@code ./mvnw -Pbenchmark test-compile exec:java -Dbenchmark.cases=200 -Dbenchmark.threads=2}
 * PostgreSQL from JINGZHI_DB_URL/USER/PASSWORD, else a fresh database {@code jingzhi_bench} on
 * 127.0.0.1:5432 (user postgres).
 */
public final class JointApprovalBenchmark {

  static final String BARE = "bare-parallel-review";
  static final List<String> DEPARTMENTS = List.of("market", "fire", "ecology", "urban");
  /** A restaurant opening's application as the case's start variables. */
  static final Map<String, Object> APPLICATION = Map.of("matterType", "restaurant-opening", "projectName", "基准测试餐饮店开业",
      "applicantName", "张三", "applicantIdNumber", "11010519491231002X", "applicantPhone", "13800138000",
      "materials", "营业执照申请书\n场地使用证明");

  private JointApprovalBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int cases = Integer.getInteger("benchmark.cases", 200);
    int threads = Integer.getInteger("benchmark.threads", 1);
    int warmup = Integer.getInteger("benchmark.warmup", Math.max(20, cases / 5));
    String url = System.getenv().getOrDefault("JINGZHI_DB_URL", freshDatabase());
    try (ConfigurableApplicationContext app = start(url)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      String database = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
      if (!"postgres".equals(database)) {
        throw new IllegalStateException("The benchmark measures PostgreSQL, but the engine runs on " + database);
      }
      deployBare(engine);
      Runner jingzhi = () -> jointApproval(engine);
      Runner bare = () -> bareCase(engine);

      run(jingzhi, warmup, threads);
      run(bare, warmup, threads);
      double bareRate = run(bare, cases, threads);
      double jingzhiRate = run(jingzhi, cases, threads);

      System.out.printf("%n%d cases each, %d thread(s), %s on %s%n", cases, threads, database, url);
      System.out.printf("bare parallel process: %8.1f cases/s%n", bareRate);
      System.out.printf("joint-approval:        %8.1f cases/s%n", jingzhiRate);
      System.out.printf("ratio bare/jingzhi:    %8.2f (each joint-approval case costs %.2f bare cases)%n", bareRate / jingzhiRate,
          bareRate / jingzhiRate);
    }
  }

  /** The platform with the demo users on a PostgreSQL database, its job executor off (the benchmark runs what it measures). */
  static ConfigurableApplicationContext start(String url) {
    // system properties outrank application.yaml (builder properties would not)
    System.setProperty("spring.datasource.url", url);
    System.setProperty("spring.datasource.username", System.getenv().getOrDefault("JINGZHI_DB_USER", "postgres"));
    System.setProperty("spring.datasource.password", System.getenv().getOrDefault("JINGZHI_DB_PASSWORD", ""));
    System.setProperty("camunda.bpm.job-execution.enabled", "false");
    System.setProperty("jingzhi.rates.count-ended-every", "0s"); // the read benchmark counts them itself, and times it
    return new SpringApplicationBuilder(JingzhiApplication.class).profiles("demo").properties("server.port=0", "logging.level.root=warn").run();
  }

  interface Runner {
    void oneCase() throws Exception;
  }

  static double run(Runner runner, int cases, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < cases; i++) {
        results.add(pool.submit(() -> {
          runner.oneCase();
          return null;
        }));
      }
      for (Future<?> result : results) {
        result.get();
      }
    } finally {
      pool.shutdown();
    }
    return cases / ((System.nanoTime() - start) / 1e9);
  }

  static void jointApproval(ProcessEngine engine) {
    String id = engine.getRuntimeService().startProcessInstanceByKey("joint-approval", APPLICATION).getId();
    TaskService tasks = engine.getTaskService();
    complete(tasks, id, "windowAcceptance", Map.of("acceptance", "accepted", "opinion", "材料齐全"));
    for (Task review : tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey("review").list()) {
      tasks.complete(review.getId(), Map.of("decision", "approved", "opinion", "同意"));
    }
    complete(tasks, id, "issueResult", Map.of("issueNote", "已送达"));
  }

  static void bareCase(ProcessEngine engine) {
    String id = engine.getRuntimeService().startProcessInstanceByKey(BARE, Map.of("departments", DEPARTMENTS)).getId();
    for (Task review : engine.getTaskService().createTaskQuery().processInstanceId(id).list()) {
      engine.getTaskService().complete(review.getId());
    }
  }

  private static void complete(TaskService tasks, String processInstanceId, String activityId, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId).singleResult();
    tasks.complete(task.getId(), variables);
  }

  static void deployBare(ProcessEngine engine) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("review").camundaCandidateGroups("${department}")
        .multiInstance().parallel().camundaCollection("${departments}").camundaElementVariable("department").multiInstanceDone()
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().name(BARE).addModelInstance(BARE + ".bpmn", model).enableDuplicateFiltering(true).deploy();
  }

  /** Drops and creates {@code jingzhi_bench} so every run starts from the same empty database. */
  static String freshDatabase() {
    return RestCaseBenchmark.freshDatabase("jingzhi_bench");
  }
}
