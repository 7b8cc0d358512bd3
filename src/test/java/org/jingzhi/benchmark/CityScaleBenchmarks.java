package org.jingzhi.benchmark;

import java.util.List;
import java.util.Map;

/**
 * Issue 15's measurements in one run, one after another on the same machine (README 「Performance at city scale」): database
 * work and history per case against the bare engine ({@link RestCaseBenchmark}), the deadline storm
 * ({@link DeadlineStormBenchmark}) and Tasklist with 100,000 open tasks ({@link TasklistBenchmark}). Each takes its own
 * system properties; the REST part runs with the README's fair open-work protocol unless the command line says otherwise.
 *
 * <p>{@code ./mvnw -Pbenchmark test-compile exec:java -Dbenchmark.main=org.jingzhi.benchmark.CityScaleBenchmarks}
 */
public final class CityScaleBenchmarks {

  /**
   * The protocol of the README's figures: both engines warmed alike, a city's open work in both databases (2,000 cases each,
   * the bare engine given our index of a task's subtasks, without which it reads every open task at each completion),
   * vacuumed as autovacuum would, 200 cases measured; and next to them the bare engine given the case's data, timers and
   * messages. {@link RestCaseBenchmark}'s own defaults are a quick run on tables nearly empty, whose rows read measure
   * plans of tiny tables more than work.
   */
  private static final Map<String, String> FAIR_PROTOCOL = Map.of(
      "benchmark.warmup", "1000",
      "benchmark.open", "2000",
      "benchmark.bare-task-parent-index", "true",
      "benchmark.autovacuum", "10",
      "benchmark.cases", "200",
      "benchmark.bare-data", "true");

  private CityScaleBenchmarks() {
  }

  public static void main(String[] args) throws Exception {
    List<String> defaulted = FAIR_PROTOCOL.keySet().stream().filter(name -> System.getProperty(name) == null).toList();
    defaulted.forEach(name -> System.setProperty(name, FAIR_PROTOCOL.get(name)));
    try {
      RestCaseBenchmark.main(args);
    } finally {
      // benchmark.warmup is also the Tasklist benchmark's warm-up calls: it keeps its own default
      defaulted.forEach(System::clearProperty);
    }
    DeadlineStormBenchmark.main(args);
    TasklistBenchmark.main(args);
  }
}
