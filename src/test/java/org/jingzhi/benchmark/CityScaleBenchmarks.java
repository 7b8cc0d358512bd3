package org.jingzhi.benchmark;

/**
 * Issue 15's measurements in one run, one after another on the same machine (README 「Performance at city scale」): database
 * work and history per case against the bare engine ({@link RestCaseBenchmark}), the deadline storm
 * ({@link DeadlineStormBenchmark}) and Tasklist with 100,000 open tasks ({@link TasklistBenchmark}). Each takes its own
 * system properties.
 *
 * <p>{@code ./mvnw -Pbenchmark test-compile exec:java -Dbenchmark.main=org.jingzhi.benchmark.CityScaleBenchmarks}
 */
public final class CityScaleBenchmarks {

  private CityScaleBenchmarks() {
  }

  public static void main(String[] args) throws Exception {
    RestCaseBenchmark.main(args);
    DeadlineStormBenchmark.main(args);
    TasklistBenchmark.main(args);
  }
}
