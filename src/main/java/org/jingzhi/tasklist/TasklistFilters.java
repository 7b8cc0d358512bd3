package org.jingzhi.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every clerk sees, created (or brought up to date) at start-up and
 * readable by all users. Each user still sees only the tasks its authorizations allow.
 */
@Component
public class TasklistFilters extends AbstractProcessEnginePlugin {

  record Definition(String name, String description, int priority, TaskQuery query) {
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
      readableByEveryone(engine.getAuthorizationService(), filter.getId());
    }
  }

  List<Definition> definitions(ProcessEngine engine) {
    return List.of(
        new Definition("我的待办", "已签收、由我办理的任务", -20,
            engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
        new Definition("本单位待办", "本单位尚未签收的任务", -10,
            engine.getTaskService().createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .orderByDueDate().asc()));
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    properties.put("howUndefinedVariable", "show");
    return properties;
  }

  private static void readableByEveryone(AuthorizationService authorizations, String filterId) {
    boolean granted = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .resourceType(Resources.FILTER)
        .resourceId(filterId)
        .count() > 0;
    if (!granted) {
      Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      authorization.setUserId(Authorization.ANY);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(Permissions.READ);
      authorizations.saveAuthorization(authorization);
    }
  }
}
