package org.jingzhi.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Engine behaviour the platform relies on:
 * <ul>
 *   <li>retries of optimistic-locking conflicts ({@link OptimisticLockingRetry});</li>
 *   <li>refused input reaching the caller as such ({@link RefusedInputUnwrapping});</li>
 *   <li>authorization checks without the engine's per-command group filter ({@link TunedAuthorizationManager});</li>
 *   <li>subscriptions deleted without a look-up for jobs only signals have ({@link TunedEventSubscriptionManager});</li>
 *   <li>「待办」 counted part by part and the unit filters listed without duplicates to remove ({@link OwnWorkTaskManager});</li>
 *   <li>history without the logs nobody reads ({@link TrimmedHistoryLevel}, {@link TrimmedHistoryEventHandler});</li>
 *   <li>statements' SQL written without searching a query's methods again at every read ({@link CachedReadMethods});</li>
 *   <li>JSON values in their variable's row ({@link InlineJsonSerializer});</li>
 *   <li>indexes that let the job executor find due timers quickly when it acquires jobs by due date.</li>
 * </ul>
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
    CommandInterceptors.addOutside(configuration, retry, new RefusedInputUnwrapping());
    CachedReadMethods.useFor(configuration.getProcessEngineName());

    configuration.setCustomSessionFactories(joined(configuration.getCustomSessionFactories(),
        List.of(inPlaceOf(AuthorizationManager.class, TunedAuthorizationManager::new), inPlaceOf(TaskManager.class, OwnWorkTaskManager::new),
            inPlaceOf(EventSubscriptionManager.class, TunedEventSubscriptionManager::new))));
    // registered last, so the configured level "full" resolves to it
    configuration.setCustomHistoryLevels(joined(configuration.getCustomHistoryLevels(), List.of(new TrimmedHistoryLevel())));
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(joined(List.of(new TrimmedHistoryEventHandler()), configuration.getCustomHistoryEventHandlers()));
  }

  /** {@code first}, then {@code then}: the engine's lists of custom parts, either of which may be unset. */
  private static <T> List<T> joined(List<? extends T> first, List<? extends T> then) {
    List<T> all = new ArrayList<>();
    if (first != null) {
      all.addAll(first);
    }
    if (then != null) {
      all.addAll(then);
    }
    return all;
  }

  /** Opens {@code manager} in place of the engine's own of {@code type}, for every command. */
  private static SessionFactory inPlaceOf(Class<? extends Session> type, Supplier<? extends Session> manager) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return type;
      }

      @Override
      public Session openSession() {
        return manager.get();
      }
    };
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    InlineJsonSerializer.register(configuration.getVariableSerializers());
    OwnWorkListing.register(configuration.getSqlSessionFactory().getConfiguration());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
    createJobAcquisitionIndexes(prefix);
  }

  /**
   * The job executor asks for due jobs {@code ORDER BY TYPE_ DESC, DUEDATE_} (timers first, oldest first) that no other
   * thread holds, which a subquery over the jobs locked now tells. Without these indexes PostgreSQL checked every due job
   * and sorted them all for each acquisition: 62 ms with 10,000 limits due at 23:59:59, most of the database's time in a
   * deadline storm (README 「Deadline storm」); with them it reads the first due jobs in order and the few locked ones,
   * 0.14 ms. The index on (TYPE_, DUEDATE_) they replace could not give that order.
   */
  private void createJobAcquisitionIndexes(String prefix) {
    jdbc.execute("CREATE INDEX IF NOT EXISTS JZ_IDX_JOB_ACQUISITION ON " + prefix + "ACT_RU_JOB (TYPE_ DESC, DUEDATE_)");
    jdbc.execute("CREATE INDEX IF NOT EXISTS JZ_IDX_JOB_LOCK_EXP ON " + prefix + "ACT_RU_JOB (LOCK_EXP_TIME_)");
    jdbc.execute("DROP INDEX IF EXISTS " + prefix.substring(0, prefix.lastIndexOf('.') + 1) + "JZ_IDX_JOB_TYPE_DUEDATE");
  }
}
