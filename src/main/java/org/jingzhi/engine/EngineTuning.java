package org.jingzhi.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Engine behaviour the platform relies on:
 * <ul>
 *   <li>retries of optimistic-locking conflicts ({@link OptimisticLockingRetry});</li>
 *   <li>refused input reaching the caller as such ({@link RefusedInputUnwrapping});</li>
 *   <li>authorization checks without the engine's per-command group filter ({@link TunedAuthorizationManager});</li>
 *   <li>subscriptions deleted without a look-up for jobs only signals have ({@link TunedEventSubscriptionManager});</li>
 *   <li>jobs deleted without a look-up for incidents their execution does not hold ({@link FailedJobIncidents});</li>
 *   <li>「待办」 counted part by part, the unit filters listed without duplicates to remove and one case's tasks listed with
 *   the grants on {@code *} read once ({@link OwnWorkTaskManager});</li>
 *   <li>history without the logs nobody reads ({@link TrimmedHistoryLevel}, {@link TrimmedHistoryEventHandler});</li>
 *   <li>statements' SQL written without searching a query's methods again at every read ({@link CachedReadMethods});</li>
 *   <li>JSON values in their variable's row ({@link InlineJsonSerializer}).</li>
 * </ul>
 */
@Component
public class EngineTuning extends AbstractProcessEnginePlugin {

  private final OptimisticLockingRetry retry;

  public EngineTuning(@Value("${jingzhi.engine.optimistic-locking-attempts:5}") int attempts) {
    this.retry = new OptimisticLockingRetry(attempts);
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
    if (!configuration.isCompositeIncidentHandlersEnabled()) {
      // first, so that an operator's own handler of failed jobs still takes its place
      configuration.setCustomIncidentHandlers(joined(List.of(new FailedJobIncidents()), configuration.getCustomIncidentHandlers()));
    }
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
    OwnStatements.register(configuration.getSqlSessionFactory().getConfiguration());
  }
}
