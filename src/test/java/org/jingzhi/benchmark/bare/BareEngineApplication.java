package org.jingzhi.benchmark.bare;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bare engine the benchmarks measure Jingzhi against: Camunda 7's Spring Boot starter with its REST API on its own
 * PostgreSQL database, Camunda's default history unless told otherwise ({@link History}), and nothing of ours — no
 * listeners, no guards, no authentication or authorization (its package holds no Jingzhi bean), no Flyway, no shared
 * sessions, no engine events published to Spring; the same PostgreSQL driver settings as Jingzhi.
 */
@SpringBootApplication
public class BareEngineApplication {

  /** The bare engine: named {@code bare}, Camunda's default history. */
  public static ConfigurableApplicationContext start(String url) {
    return start(url, "bare", History.CAMUNDA_DEFAULT);
  }

  /**
   * What history a bare engine writes: Camunda's defaults, as the bare engine; or the least the engine can write
   * while keeping a case's variables, set by configuration alone (no Java) — level AUDIT (no detail of each change, no
   * job log, no identity-link or operation-log history) and each row stamped with its removal time when written.
   */
  public enum History {
    CAMUNDA_DEFAULT("full", "end"), AUDIT_STAMPED_AT_START("audit", "start");

    private final String level;
    private final String removalTimeStrategy;

    History(String level, String removalTimeStrategy) {
      this.level = level;
      this.removalTimeStrategy = removalTimeStrategy;
    }
  }

  /**
   * A second bare engine in the same JVM needs a name of its own (letters, no hyphen: the engine ignores one with a hyphen),
   * by which the REST API finds it: {@code /engine-rest/engine/<name>}. Command-line arguments outrank every other
   * property source, application.yaml of the classpath included (whose job executor settings the bare engines keep).
   */
  public static ConfigurableApplicationContext start(String url, String engineName, History history) {
    return new SpringApplicationBuilder(BareEngineApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + System.getenv().getOrDefault("JINGZHI_DB_USER", "postgres"),
        "--spring.datasource.password=" + System.getenv().getOrDefault("JINGZHI_DB_PASSWORD", ""),
        // the driver settings Jingzhi gives every PostgreSQL pool (PostgresPoolSettings), so the comparison is of the
        // engines' work
        "--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true",
        "--spring.datasource.hikari.data-source-properties.options=-c plan_cache_mode=force_generic_plan -c jit=off",
        "--spring.flyway.enabled=false",
        "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.session.SessionAutoConfiguration",
        "--camunda.bpm.process-engine-name=" + engineName,
        "--camunda.bpm.auto-deployment-enabled=false",
        "--camunda.bpm.authorization.enabled=false",
        "--camunda.bpm.history-level=" + history.level,
        // no listeners, so none of the engine's Spring events either (Jingzhi's application.yaml turns them off too)
        "--camunda.bpm.eventing.execution=false",
        "--camunda.bpm.eventing.task=false",
        "--camunda.bpm.eventing.history=false",
        // Camunda's default is 'end': history stamped with its removal time when the instance ends (Jingzhi stamps it at
        // the start)
        "--camunda.bpm.generic-properties.properties.history-removal-time-strategy=" + history.removalTimeStrategy,
        "--camunda.bpm.webapp.enabled=false",
        "--management.endpoint.health.validate-group-membership=false");
  }
}
