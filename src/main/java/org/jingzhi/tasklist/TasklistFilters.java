package org.jingzhi.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.Unit;
import org.jingzhi.organization.UnitType;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters, created (or brought up to date) at start-up: 「我的待办」「本单位待办」「即将超期」
 * for everyone, and one filter per role for the units of that role (窗口受理, 部门审查, 事件处置, …).
 * A filter only selects; each user still sees only the tasks its authorizations allow.
 */
@Component
public class TasklistFilters extends AbstractProcessEnginePlugin {

  static final String MY_UNITS = "${currentUserGroups()}";

  /** A filter and the unit types that see it; an empty set means every user. */
  record Definition(String name, String description, int priority, TaskQuery query, Set<UnitType> roles) {
  }

  private final Organization organization;

  public TasklistFilters(Organization organization) {
    this.organization = organization;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    for (Definition definition : definitions(engine)) {
      Filter filter = filters.createFilterQuery().filterName(definition.name()).singleResult();
      if (filter == null) {
        filter = filters.newTaskFilter(definition.name());
      }
      filter.setQuery(definition.query());
      filter.setProperties(properties(definition));
      filters.saveFilter(filter);
      grantRead(engine.getAuthorizationService(), filter.getId(), definition.roles());
    }
  }

  List<Definition> definitions(ProcessEngine engine) {
    return List.of(
        new Definition("待办", "本单位尚未签收的任务和我已签收的任务：登录后首先看到的工作", -40,
            query(engine).or().taskCandidateGroupInExpression(MY_UNITS).taskAssigneeExpression("${currentUser()}").endOr(), Set.of()),
        new Definition("我的待办", "已签收、由我办理的任务", -30, query(engine).taskAssigneeExpression("${currentUser()}"), Set.of()),
        new Definition("本单位待办", "本单位尚未签收的任务", -20, query(engine).taskCandidateGroupInExpression(MY_UNITS), Set.of()),
        new Definition("即将超期", "本单位 24 小时内到期或已超期的任务（含已签收）", -10,
            query(engine).taskCandidateGroupInExpression(MY_UNITS).includeAssignedTasks()
                .dueBeforeExpression("${dateTime().plusDays(1).toDate()}"), Set.of()),
        new Definition("窗口受理与出件", "联合审批的窗口受理、出件任务", 10,
            query(engine).taskCandidateGroupInExpression(MY_UNITS).includeAssignedTasks().taskDefinitionKeyIn("windowAcceptance", "issueResult"),
            Set.of(UnitType.SERVICE_CENTER)),
        new Definition("部门审查", "联合审批中本部门的审查任务", 10,
            query(engine).taskCandidateGroupInExpression(MY_UNITS).includeAssignedTasks().taskDefinitionKey("review"),
            Set.of(UnitType.DEPARTMENT)),
        new Definition("吹哨报到", "被吹哨、需到现场报到的任务", 11,
            query(engine).taskCandidateGroupInExpression(MY_UNITS).includeAssignedTasks().taskDefinitionKey("report"),
            Set.of(UnitType.DEPARTMENT)),
        new Definition("事件处置", "本级事件处置任务", 10,
            query(engine).taskCandidateGroupInExpression(MY_UNITS).includeAssignedTasks().taskDefinitionKey("handle"),
            Set.of(UnitType.COMMUNITY, UnitType.STREET, UnitType.DISTRICT, UnitType.COMMAND_CENTER)),
        new Definition("回访与派单", "事件回访、退单后重新派单", 10,
            query(engine).taskCandidateGroupInExpression(MY_UNITS).includeAssignedTasks().taskDefinitionKeyIn("returnVisit", "reroute"),
            Set.of(UnitType.HOTLINE)),
        new Definition("责任认定", "多次退单事件的责任单位认定（裁定流程上线前登记的事件）", 11,
            query(engine).taskCandidateGroupInExpression(MY_UNITS).includeAssignedTasks().taskDefinitionKey("decideOwner"),
            Set.of(UnitType.COMMAND_CENTER)),
        new Definition("疑难诉求裁定", "职责争议和多次退单事件：受理、联席会议、裁定", 11,
            query(engine).taskCandidateGroupInExpression(MY_UNITS).includeAssignedTasks().processDefinitionKey("adjudication"),
            Set.of(UnitType.ADJUDICATION)),
        new Definition("陈述与协办", "职责争议中本单位的陈述，裁定后的协办", 12,
            query(engine).taskCandidateGroupInExpression(MY_UNITS).includeAssignedTasks().taskDefinitionKeyIn("statement", "coHandle"),
            Set.of(UnitType.DEPARTMENT, UnitType.COMMUNITY, UnitType.STREET, UnitType.DISTRICT)),
        new Definition("督办件", "超期工作的督办", 10,
            query(engine).taskCandidateGroupInExpression(MY_UNITS).includeAssignedTasks().processDefinitionKey("supervision"),
            Set.of(UnitType.SUPERVISION)));
  }

  private static TaskQuery query(ProcessEngine engine) {
    return engine.getTaskService().createTaskQuery().orderByDueDate().asc();
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    properties.put("howUndefinedVariable", "show");
    return properties;
  }

  private void grantRead(AuthorizationService authorizations, String filterId, Set<UnitType> roles) {
    if (roles.isEmpty()) {
      grant(authorizations, filterId, Authorization.AUTH_TYPE_GLOBAL, null);
      return;
    }
    for (Unit unit : organization.units()) {
      if (roles.contains(unit.type())) {
        grant(authorizations, filterId, Authorization.AUTH_TYPE_GRANT, unit.groupId());
      }
    }
  }

  private static void grant(AuthorizationService authorizations, String filterId, int type, String groupId) {
    var existing = authorizations.createAuthorizationQuery().authorizationType(type).resourceType(Resources.FILTER).resourceId(filterId);
    if (groupId != null) {
      existing.groupIdIn(groupId);
    }
    if (existing.count() > 0) {
      return;
    }
    Authorization authorization = authorizations.createNewAuthorization(type);
    if (groupId == null) {
      authorization.setUserId(Authorization.ANY);
    } else {
      authorization.setGroupId(groupId);
    }
    authorization.setResource(Resources.FILTER);
    authorization.setResourceId(filterId);
    authorization.addPermission(Permissions.READ);
    authorizations.saveAuthorization(authorization);
  }
}
