package org.jingzhi.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of this node's job executor: a node that should run timers but whose executor is not running is not ready
 * (the load balancer and compose see it in {@code /actuator/health/readiness}).
 */
@Component("jobExecution")
class JobExecutorHealth implements HealthIndicator {

  private final ProcessEngine engine;
  private final boolean expected;

  JobExecutorHealth(ProcessEngine engine, @Value("${camunda.bpm.job-execution.enabled:true}") boolean expected) {
    this.engine = engine;
    this.expected = expected;
  }

  @Override
  public Health health() {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    boolean active = executor != null && executor.isActive();
    if (!expected) {
      return Health.up().withDetail("jobExecutor", "disabled on this node").build();
    }
    return (active ? Health.up() : Health.down()).withDetail("jobExecutor", active ? "running" : "not running").build();
  }
}
