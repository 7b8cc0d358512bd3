package org.jingzhi.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.jingzhi.engine.CommandInterceptors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine settings that keep the platform secure whatever the configuration files say:
 * authorization on, unit-scoped visibility, variables read only with variable permissions, client
 * calls held to what their task or start form owns ({@link ClientCommandGuard}), no expressions in
 * ad-hoc queries (or-branches included), no Java-serialized variables. Runs after the starter's own configuration so no property can undo it.
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
    // variables are read with variable permissions, not with the right to read the case (see the README's "Integrity")
    configuration.setEnforceSpecificVariablePermission(true);
    configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
    configuration.setResourceAuthorizationProvider(new ParticipantAuthorizationProvider());
    configuration.setEnableExpressionsInAdhocQueries(false);
    ClientCommandGuard clientCommands = new ClientCommandGuard(configuration);
    CommandInterceptors.addOutside(configuration, new OrQueryExpressionGuard(configuration), clientCommands.outer());
    CommandInterceptors.addInside(configuration, clientCommands.inner());
    configuration.setGeneralResourceWhitelistPattern(RESOURCE_ID_PATTERN);
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setDeserializationTypeValidationEnabled(true);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    TaskVariableGrants.completeOnce(engine.getManagementService(), engine.getAuthorizationService());
  }
}
