package org.jingzhi.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine settings that keep the platform secure whatever the configuration files say:
 * authorization on, unit-scoped visibility, no expressions in ad-hoc queries (or-branches included),
 * no Java-serialized variables. Runs after the starter's own configuration so no property can undo it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class SecureEngineDefaults extends AbstractProcessEnginePlugin {

  /** Camunda's default plus '-' inside ids: unit keys such as {@code service-center}. */
  static final String RESOURCE_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*|camunda-admin";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationEnabled(true);
    configuration.setEnableHistoricInstancePermissions(true);
    configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
    configuration.setResourceAuthorizationProvider(new ParticipantAuthorizationProvider());
    configuration.setEnableExpressionsInAdhocQueries(false);
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new OrQueryExpressionGuard(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    configuration.setGeneralResourceWhitelistPattern(RESOURCE_ID_PATTERN);
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setDeserializationTypeValidationEnabled(true);
  }
}
