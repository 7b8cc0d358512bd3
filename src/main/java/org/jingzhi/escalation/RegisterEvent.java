package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.jingzhi.cases.CaseNumbers;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.UnitPermissions;
import org.jingzhi.security.CaseReadGrants;
import org.springframework.stereotype.Component;

/** 登记事件: checks the report (from the API or Tasklist's start form) and issues the event number. */
@Component("registerEvent")
class RegisterEvent implements JavaDelegate {

  private final EventCatalogue catalogue;
  private final Organization organization;
  private final CaseNumbers numbers;

  RegisterEvent(EventCatalogue catalogue, Organization organization, CaseNumbers numbers) {
    this.catalogue = catalogue;
    this.organization = organization;
    this.numbers = numbers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EventReport report = EventReport.fromVariables(execution.getVariables());
    List<String> problems = report.problems(catalogue, organization);
    if (!problems.isEmpty()) {
      throw new RefusedInputException("事件信息有误：" + String.join("；", problems));
    }
    execution.setVariables(report.variables());
    String eventNumber = numbers.next(CaseNumbers.EVENT, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(eventNumber);
    execution.setVariable(EVENT_NUMBER, eventNumber);
    execution.setVariable(SEND_BACK_COUNT, 0);
    execution.setVariable(UNSATISFIED_COUNT, 0);
    letTheReportingUnitFollow(execution);
  }

  /** The unit that reported the event reads it, running and ended, like the units that handle it. */
  private void letTheReportingUnitFollow(DelegateExecution execution) {
    String reporter = (String) execution.getVariable(REPORTED_BY);
    if (reporter == null) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    String root = ((ExecutionEntity) execution).getRootProcessInstanceId();
    List<Group> groups = context.runWithoutAuthorization(
        () -> execution.getProcessEngineServices().getIdentityService().createGroupQuery().groupMember(reporter).list());
    groups.stream().map(Group::getId)
        .filter(group -> organization.find(group).map(unit -> UnitPermissions.reportsEvents(unit.type())).orElse(false))
        .forEach(group -> CaseReadGrants.grant(context, group, execution.getProcessInstanceId(), root));
  }
}
