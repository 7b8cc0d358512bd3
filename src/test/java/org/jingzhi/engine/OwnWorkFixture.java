package org.jingzhi.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/** Standalone tasks, revokes and Tasklist's list call for the tests of own work's counts and lists; removes what it made. */
final class OwnWorkFixture {

  private final ProcessEngine engine;
  private final List<String> taskIds = new ArrayList<>();
  private final List<String> authorizationIds = new ArrayList<>();

  OwnWorkFixture(ProcessEngine engine) {
    this.engine = engine;
  }

  Task task(String name, Date due, String assignee, String... candidateGroups) {
    Task task = engine.getTaskService().newTask();
    task.setName(name);
    task.setAssignee(assignee);
    task.setDueDate(due);
    engine.getTaskService().saveTask(task);
    taskIds.add(task.getId());
    for (String group : candidateGroups) {
      engine.getTaskService().addCandidateGroup(task.getId(), group);
    }
    return task;
  }

  /** Takes the user's right to read the task of this name away, whatever their units' grants. */
  void revokeRead(String userId, String taskName) {
    Task revoked = engine.getTaskService().createTaskQuery().taskName(taskName).singleResult();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(userId);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(revoked.getId());
    revoke.removePermission(Permissions.READ);
    authorizationIds.add(authorizations.saveAuthorization(revoke).getId());
  }

  /** What Tasklist's list call adds to a filter: its request body, read as the REST API reads it. */
  TaskQuery asTasklistExtendsAFilter() throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper();
    TaskQueryDto asTasklistSends = mapper.readValue("""
        {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],
        "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""", TaskQueryDto.class);
    asTasklistSends.setObjectMapper(mapper);
    return asTasklistSends.toQuery(engine);
  }

  void removeAll() {
    engine.getIdentityService().clearAuthentication();
    authorizationIds.forEach(engine.getAuthorizationService()::deleteAuthorization);
    taskIds.forEach(id -> engine.getTaskService().deleteTask(id, true));
  }
}
