package org.jingzhi.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.jingzhi.engine.AsSystem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an operator watches on each node ({@code /actuator/prometheus}, operators only): the job backlog (due and not yet
 * taken, taken, given up) and the engine's job acquisition, open incidents, overdue work and notices waiting for delivery.
 * Counted at each scrape from the shared database, so every node reports the cluster's backlog; acquisition counts are the
 * engine's metrics as its reporter writes them.
 */
@Component
class OperationsMetrics implements MeterBinder {

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  OperationsMetrics(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "jingzhi.jobs.due", "jobs due and not taken by any node (the backlog)",
        metrics -> metrics.engine.getManagementService().createJobQuery().executable().count());
    gauge(registry, "jingzhi.jobs.locked", "jobs a node has taken and not finished",
        metrics -> metrics.count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL"));
    gauge(registry, "jingzhi.jobs.failed", "jobs whose retries are used up (each has an incident)",
        metrics -> metrics.engine.getManagementService().createJobQuery().noRetriesLeft().count());
    gauge(registry, "jingzhi.incidents.open", "open incidents", metrics -> metrics.engine.getRuntimeService().createIncidentQuery().count());
    gauge(registry, "jingzhi.tasks.overdue", "open tasks past their due date",
        metrics -> metrics.engine.getTaskService().createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).count());
    gauge(registry, "jingzhi.notices.waiting", "notices waiting for delivery: not yet tried, or failed and to be tried again",
        metrics -> metrics.count("SELECT COUNT(*) FROM jz_notice WHERE status IN ('PENDING', 'FAILED')"));
    gauge(registry, "jingzhi.notices.given.up", "notices given up: listed for supervisors (GET /api/notices/undelivered)",
        metrics -> metrics.count("SELECT COUNT(*) FROM jz_notice WHERE status = 'GIVEN_UP'"));
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!configuration.isMetricsEnabled() || configuration.getDbMetricsReporter() == null) {
      return;  // the engine keeps no metrics here (camunda.bpm.metrics.enabled=false)
    }
    for (String name : new String[] {Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE,
        Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED}) {
      FunctionCounter.builder("jingzhi.engine." + name.replace('-', '.'), this,
              metrics -> AsSystem.call(metrics.engine.getIdentityService(), () -> metrics.engine.getManagementService()
                  .createMetricsQuery().name(name).sum()))
          .description("the engine's " + name + " count, as reported to the database by every node").register(registry);
    }
  }

  private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<OperationsMetrics> value) {
    Gauge.builder(name, this, metrics -> AsSystem.call(metrics.engine.getIdentityService(), () -> value.applyAsDouble(metrics)))
        .description(description).register(registry);
  }

  private long count(String sql) {
    Long count = jdbc.queryForObject(sql, Long.class);
    return count == null ? 0 : count;
  }
}
