package org.jingzhi.organization;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK_VARIABLE;

import java.util.ArrayList;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import java.util.List;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What each kind of unit may do beyond its own tasks. Tasks and the cases they belong to are
 * granted per task by {@link org.jingzhi.security.ParticipantAuthorizationProvider}; nothing here
 * lets a unit see another unit's work, except the read-only supervision unit.
 */
public final class UnitPermissions {

  public static final String JOINT_APPROVAL = "joint-approval";
  public static final String ESCALATION_CHAIN = "escalation-chain";

  private UnitPermissions() {
  }

  public static List<Grant> of(UnitType type) {
    List<Grant> grants = new ArrayList<>();
    grants.add(Grant.of(Resources.APPLICATION, "tasklist", ACCESS));
    if (type == UnitType.SERVICE_CENTER) {
      grants.add(startProcess(JOINT_APPROVAL));
    }
    if (reportsEvents(type)) {
      grants.add(startProcess(ESCALATION_CHAIN));
      grants.add(Grant.of(Resources.PROCESS_INSTANCE, ANY, CREATE));
    }
    if (readsEverything(type)) {
      grants.addAll(readEverything());
    }
    if (type == UnitType.COMMAND_CENTER) {
      // for the plugin 效能督查 only: WebappPluginGuard keeps Cockpit's own queries to units that read everything
      grants.add(Grant.of(Resources.APPLICATION, "cockpit", ACCESS));
    }
    return grants;
  }

  /** The supervision office reads every case with its variables (read-only); no other unit does. */
  public static boolean readsEverything(UnitType type) {
    return type == UnitType.SUPERVISION;
  }

  /** The units that report events (start the escalation chain); each follows the events it reported. */
  public static boolean reportsEvents(UnitType type) {
    return type == UnitType.SERVICE_CENTER || type == UnitType.HOTLINE || type == UnitType.COMMUNITY;
  }

  private static Grant startProcess(String processDefinitionKey) {
    return Grant.of(Resources.PROCESS_DEFINITION, processDefinitionKey, READ, CREATE_INSTANCE);
  }

  private static List<Grant> readEverything() {
    return List.of(
        Grant.of(Resources.APPLICATION, "cockpit", ACCESS),
        Grant.of(Resources.PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK,
            READ_INSTANCE_VARIABLE, READ_TASK_VARIABLE, READ_HISTORY_VARIABLE),
        Grant.of(Resources.PROCESS_INSTANCE, ANY, READ),
        Grant.of(Resources.TASK, ANY, READ),
        Grant.of(Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ),
        Grant.of(Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ),
        Grant.of(Resources.DEPLOYMENT, ANY, READ),
        Grant.of(Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY),
        Grant.of(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ),
        Grant.of(Resources.BATCH, ANY, READ),
        Grant.of(Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ),
        Grant.of(Resources.GROUP, ANY, READ),
        Grant.of(Resources.USER, ANY, READ));
  }
}
