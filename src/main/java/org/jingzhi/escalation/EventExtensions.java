package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.Date;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.cases.CaseHistory;
import org.jingzhi.cases.Texts;
import org.jingzhi.deadlines.Extension;
import org.jingzhi.deadlines.ExtensionRequest;
import org.jingzhi.deadlines.Extensions;
import org.jingzhi.engine.AsSystem;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.web.ConflictException;
import org.jingzhi.web.InvalidRequestException;
import org.jingzhi.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * 延期 of an event: the unit that holds it asks once per level, before its limit has passed, with a reason; the hotline
 * centre approves or refuses in Tasklist. An approved extension moves the level's limit (so the level counts as on time in
 * the rates); a refused or unanswered one leaves it.
 */
@Component
public class EventExtensions {

  static final int MAX_REASON = 500;
  static final String MESSAGE = "LevelExtensionRequested";

  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Extensions extensions;
  private final CurrentUser currentUser;
  private final EscalationSettings settings;

  EventExtensions(ProcessEngine engine, Extensions extensions, CurrentUser currentUser, EscalationSettings settings) {
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.extensions = extensions;
    this.currentUser = currentUser;
    this.settings = settings;
  }

  public Extension request(String eventNumber, EventExtensionAsk ask) {
    String reason = ask == null ? null : Texts.text(ask.reason());
    if (reason == null || reason.length() > MAX_REASON) {
      throw new InvalidRequestException("请填写延期理由 reason（不超过 " + MAX_REASON + " 字）");
    }
    ProcessInstance event = AsSystem.call(identity, () -> CaseHistory.running(history, runtime, KEY, eventNumber));
    if (event == null) {
      throw new NotFoundException("没有办理中的编号为 " + eventNumber + " 的事件");
    }
    String unit = (String) AsSystem.call(identity, () -> runtime.getVariable(event.getId(), CURRENT_UNIT));
    if (unit == null || !currentUser.groupIds().contains(unit)) {
      throw new AuthorizationException("只有当前承办单位可以为本级时限申请延期");
    }
    Task handle = AsSystem.call(identity, () -> runtime.createProcessInstanceQuery().superProcessInstanceId(event.getId())
        .processDefinitionKey(LEVEL_KEY).list().stream()
        .flatMap(level -> tasks.createTaskQuery().processInstanceId(level.getId()).taskDefinitionKey("handle").list().stream())
        .findFirst().orElse(null));
    if (handle == null) {
      throw new ConflictException("事件 " + eventNumber + " 当前没有待本单位处置的任务（吹哨报到中或已转出），不能申请延期");
    }
    Date due = (Date) AsSystem.call(identity, () -> runtime.getVariable(event.getId(), LEVEL_DUE));
    if (due != null && due.before(ClockUtil.getCurrentTime())) {
      throw new ConflictException("本级时限已届满，届满后不能再申请延期");
    }
    boolean urgent = Boolean.TRUE.equals(AsSystem.call(identity, () -> runtime.getVariable(event.getId(), URGENT)));
    ExtensionRequest request = urgent
        ? ExtensionRequest.ofHours(eventNumber, handle.getProcessInstanceId(), Extension.LEVEL, unit,
            length(ask.hours(), ask.workingDays(), settings.getExtensionMaxHoursUrgent(), "hours", "紧急事件按小时延期（hours）"),
            reason, currentUser.userId())
        : ExtensionRequest.ofWorkingDays(eventNumber, handle.getProcessInstanceId(), Extension.LEVEL, unit,
            length(ask.workingDays(), ask.hours(), settings.getExtensionMaxWorkingDays(), "workingDays", "非紧急事件按工作日延期（workingDays）"),
            reason, currentUser.userId());
    return extensions.submit(request, MESSAGE, handle.getExecutionId());
  }

  private static int length(Integer wanted, Integer other, int max, String name, String rule) {
    if (other != null) {
      throw new InvalidRequestException(rule);
    }
    if (wanted == null) {
      return max;
    }
    if (wanted < 1 || wanted > max) {
      throw new InvalidRequestException(name + " 须在 1 至 " + max + " 之间");
    }
    return wanted;
  }
}
