package org.jingzhi.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;

/**
 * What our task lists narrow a list by, as the query asked ({@code OwnWorkTasks.xml}'s fragment {@code narrowedAsAsked}):
 * a due date before, task definition keys, active or suspended, one case; with the query's order, page and tenant check.
 */
public abstract class TaskListingCriteria extends ListQueryParameterObject {

  private final Date dueBefore;
  private final String taskDefinitionKey;
  private final String[] taskDefinitionKeys;
  private final Integer suspensionStateCode;
  private final String processInstanceId;

  TaskListingCriteria(TaskQueryImpl query) {
    this.dueBefore = query.getDueBefore();
    this.taskDefinitionKey = query.getKey();
    this.taskDefinitionKeys = query.getKeys();
    SuspensionState suspension = query.getSuspensionState();
    this.suspensionStateCode = suspension == null ? null : suspension.getStateCode();
    this.processInstanceId = query.getProcessInstanceId();
    setOrderingProperties(query.getOrderingProperties());
    setTenantCheck(query.getTenantCheck());
    setFirstResult(query.getFirstResult());
    setMaxResults(query.getMaxResults());
  }

  public Date getDueBefore() {
    return dueBefore;
  }

  public String getTaskDefinitionKey() {
    return taskDefinitionKey;
  }

  public String[] getTaskDefinitionKeys() {
    return taskDefinitionKeys;
  }

  public Integer getSuspensionStateCode() {
    return suspensionStateCode;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
