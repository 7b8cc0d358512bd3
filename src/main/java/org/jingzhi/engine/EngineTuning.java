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
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    createJobAcquisitionIndexes(configuration.getDatabaseTablePrefix(), configuration.getDatabaseType());
  }

  /**
   * The job executor asks for due jobs ({@code DUEDATE_ <= now}, every job has one) {@code ORDER BY DUEDATE_} that no
   * other thread holds, which a subquery over the jobs locked now tells. PostgreSQL keeps one plan for the statement
   * (generic plans, {@link PostgresPoolSettings}), made without knowing how many jobs are due or locked, so each index
   * holds only the jobs its part of the statement can want:
   * <ul>
   *   <li>the jobs the job executor may take (not failed, not suspended) by due date: read in order, up to the first that
   *   is not due, so a storm's 10,000 limits due at 23:59:59 cost what their first few cost, and a quiet poll reads
   *   nothing however many timers wait;</li>
   *   <li>the locked jobs by lock expiry: the few in flight, where an index of all jobs' expiry looked to the plan like a
   *   third of the table and was passed over for a scan of it at every acquisition.</li>
   * </ul>
   * Before (README 「Deadline storm」, fifteenth round), jobs were ordered by type first and a job's due date could be
   * missing, so the plan walked every waiting timer at every poll: 18,000 index entries, 9 ms, with 2,000 open cases.
   * H2 has no partial indexes; there they hold every job.
   */
  private void createJobAcquisitionIndexes(String prefix, String databaseType) {
    String schema = prefix.substring(0, prefix.lastIndexOf('.') + 1);
    if ("postgres".equals(databaseType)) {
      jdbc.execute("CREATE INDEX IF NOT EXISTS JZ_IDX_JOB_DUE ON " + prefix + "ACT_RU_JOB (DUEDATE_) WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1");
      jdbc.execute("CREATE INDEX IF NOT EXISTS JZ_IDX_JOB_LOCKED ON " + prefix + "ACT_RU_JOB (LOCK_EXP_TIME_) WHERE LOCK_OWNER_ IS NOT NULL");
      jdbc.execute("DROP INDEX IF EXISTS " + schema + "JZ_IDX_JOB_LOCK_EXP");
    } else {
      jdbc.execute("CREATE INDEX IF NOT EXISTS JZ_IDX_JOB_DUE ON " + prefix + "ACT_RU_JOB (DUEDATE_)");
      jdbc.execute("CREATE INDEX IF NOT EXISTS JZ_IDX_JOB_LOCK_EXP ON " + prefix + "ACT_RU_JOB (LOCK_EXP_TIME_)");
    }
    jdbc.execute("DROP INDEX IF EXISTS " + schema + "JZ_IDX_JOB_TYPE_DUEDATE");
    jdbc.execute("DROP INDEX IF EXISTS " + schema + "JZ_IDX_JOB_ACQUISITION");
  }
}
