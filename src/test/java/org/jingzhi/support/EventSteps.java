package org.jingzhi.support;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.escalation.EventRequest;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;

/** The steps of an event as its users take them (each logged in as the user), for tests that script events on the engine clock. */
public final class EventSteps {

  private final ProcessEngine engine;
  private final Events events;

  public EventSteps(ProcessEngine engine, Events events) {
    this.engine = engine;
    this.events = events;
  }

  /**
   * Two road occupations in 柳岸社区 reported at 9:00 on that day: the first signed for at 9:30, the other at
   * 13:00, past the response limit (柳岸社区's response rate for the day: 50%). Answers the first.
   */
  public ReportedEvent oneAnsweredInTimeOneLate(int year, int month, int day) {
    Clock.set(year, month, day, 9, 0);
    ReportedEvent answered = report("road-occupation", "990101001001");
    ReportedEvent late = report("road-occupation", "990101001001");
    Clock.set(year, month, day, 9, 30);
    claim("liuan", handle(answered));
    Clock.set(year, month, day, 13, 0);
    claim("liuan", handle(late));
    return answered;
  }

  public ReportedEvent report(String category, String community) {
    return report(category, community, false);
  }

  public ReportedEvent report(String category, String community, boolean urgent) {
    Users.actAs(engine.getIdentityService(), "hotline");
    try {
      return events.report(new EventRequest(category, "统计用事件", community, "测试路1号", new EventRequest.Reporter("王先生", "13700137000"),
          "hotline", urgent));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public Task handle(ReportedEvent event) {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey("handle").processVariableValueEquals("eventNumber", event.eventNumber())
        .singleResult();
  }

  public void claim(String user, Task task) {
    Users.actAs(engine.getIdentityService(), user);
    try {
      engine.getTaskService().claim(task.getId(), user);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public void complete(String user, Task task, Map<String, Object> variables) {
    Users.actAs(engine.getIdentityService(), user);
    try {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), user);
      }
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public void visit(ReportedEvent event, String satisfaction, String resolved) {
    Task visit = engine.getTaskService().createTaskQuery().processInstanceId(event.processInstanceId()).taskDefinitionKey("returnVisit")
        .singleResult();
    Map<String, Object> variables = new HashMap<>();
    variables.put("satisfaction", satisfaction);
    variables.put("resolved", resolved);
    complete("hotline", visit, variables);
  }
}
