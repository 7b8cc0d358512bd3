package org.jingzhi.escalation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.support.Users;

/** Drives events through the chain the way the demo users do, each step as the user who does it. */
public class EscalationDriver {

  public static final String LIUAN = "990101001001";
  public static final String HETANG = "990101001002";
  public static final String SONGLIN = "990102001001";
  public static final String HUBIN = "990101001000";
  public static final String DONGHU = "990101000000";

  final ProcessEngine engine;
  final Events events;

  public EscalationDriver(ProcessEngine engine, Events events) {
    this.engine = engine;
    this.events = events;
  }

  public ReportedEvent report(String user, String category, String community, boolean urgent) {
    return report(user, category, community, "柳岸路菜市场门口长期占道经营，影响通行", "hotline", urgent);
  }

  public ReportedEvent report(String user, String category, String community, String description, String channel) {
    return report(user, category, community, description, channel, false);
  }

  /** The hotline takes a report of road occupation in 柳岸社区 from this reporter (a null phone: none given). */
  public ReportedEvent reportFrom(String reporterName, String phone) {
    Users.actAs(engine.getIdentityService(), "hotline");
    try {
      return events.report(new EventRequest("road-occupation", "菜市场门口占道经营", "990101001001", "柳岸路12号",
          new EventRequest.Reporter(reporterName, phone), "hotline", false));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private ReportedEvent report(String user, String category, String community, String description, String channel, boolean urgent) {
    Users.actAs(engine.getIdentityService(), user);
    try {
      return events.report(new EventRequest(category, description, community, "柳岸路12号",
          new EventRequest.Reporter("李女士", "13900139000"), channel, urgent));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public Task handleTask(ReportedEvent event) {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey("handle")
        .processVariableValueEquals("eventNumber", event.eventNumber()).singleResult();
  }

  public List<Task> reportTasks(ReportedEvent event) {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey("report")
        .processVariableValueEquals("eventNumber", event.eventNumber()).orderByTaskName().asc().list();
  }

  public Task parentTask(ReportedEvent event, String activityId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(event.processInstanceId()).taskDefinitionKey(activityId)
        .singleResult();
  }

  public void act(String user, ReportedEvent event, String action, String note) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("action", action);
    variables.put("note", note);
    complete(user, handleTask(event), variables);
  }

  public void summon(String user, ReportedEvent event, String departments) {
    complete(user, handleTask(event), Map.of("action", "summon", "note", "请相关部门到场联合处置", "departments", departments));
  }

  public void reportOnSite(String department, Task report) {
    complete(department, report, Map.of("reportNote", department + " 已到场"));
  }

  public void returnVisit(ReportedEvent event, String satisfaction, String resolved) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("satisfaction", satisfaction);
    variables.put("resolved", resolved);
    complete("hotline", parentTask(event, "returnVisit"), variables);
  }

  public void decideOwner(String user, ReportedEvent event, String activityId, String owner) {
    complete(user, parentTask(event, activityId), Map.of("ownerUnit", owner, "ownerReason", "经核实属该单位辖区"));
  }

  public void complete(String user, Task task, Map<String, Object> variables) {
    Users.actAs(engine.getIdentityService(), user);
    try {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public Job levelTimer(ReportedEvent event) {
    return engine.getManagementService().createJobQuery().processInstanceId(event.processInstanceId()).timers().singleResult();
  }

  public List<Job> childTimers(ReportedEvent event, String activityId) {
    return engine.getManagementService().createJobQuery().activityId(activityId).timers().list().stream()
        .filter(job -> event.eventNumber().equals(engine.getRuntimeService().getVariable(job.getProcessInstanceId(), "eventNumber")))
        .toList();
  }

  public void fire(Job job) {
    engine.getManagementService().executeJob(job.getId());
  }

  public Object variable(ReportedEvent event, String name) {
    return engine.getRuntimeService().getVariable(event.processInstanceId(), name);
  }
}
