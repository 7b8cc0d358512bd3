package org.jingzhi.engine;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Engine behaviour the platform relies on: retries of optimistic-locking conflicts
 * ({@link OptimisticLockingRetry}), refused input reaching the caller as such
 * ({@link RefusedInputUnwrapping}), authorization checks without the engine's per-command group filter
 * ({@link UnfilteredGroupsAuthorizationManager}), and an index that lets the job executor find due timers quickly
 * when it acquires jobs by due date.
 */
@Component
public class EngineTuning extends AbstractProcessEnginePlugin {

  private final OptimisticLockingRetry retry;
  private final JdbcTemplate jdbc;

  public EngineTuning(@Value("${jingzhi.engine.optimistic-locking-attempts:5}") int attempts, DataSource dataSource) {
    this.retry = new OptimisticLockingRetry(attempts);
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public OptimisticLockingRetry optimisticLockingRetry() {
    return retry;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(retry);
    interceptors.add(new RefusedInputUnwrapping());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

    List<SessionFactory> sessions = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      sessions.addAll(configuration.getCustomSessionFactories());
    }
    sessions.add(new UnfilteredGroupsAuthorizationManager.Factory());
    configuration.setCustomSessionFactories(sessions);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
    jdbc.execute("CREATE INDEX IF NOT EXISTS JZ_IDX_JOB_TYPE_DUEDATE ON " + prefix + "ACT_RU_JOB (TYPE_, DUEDATE_)");
  }
}
