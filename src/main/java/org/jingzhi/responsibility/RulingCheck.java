package org.jingzhi.responsibility;

import static org.jingzhi.responsibility.AdjudicationProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jingzhi.cases.Texts;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.UnitType;
import org.springframework.stereotype.Component;

/**
 * 裁定: either a joint meeting first, or the ruling itself — an owner unit (主办: community, street, district or
 * department), optional co-handling departments (协办, not the owner) and the reason, and, if the group says so,
 * a precedent (案例) with its conditions. What the form cannot say (required only when ruling; units that exist;
 * a precedent's rule) is checked here; the ruling then becomes the event's, and the precedent is recorded with it.
 */
@Component("rulingCheck")
class RulingCheck implements TaskListener {

  static final int MAX_REASON = 2000;

  private final Organization organization;
  private final Parties parties;
  private final PrecedentRules precedentRules;
  private final Precedents precedents;

  RulingCheck(Organization organization, PrecedentRules precedentRules, Precedents precedents) {
    this.organization = organization;
    this.parties = new Parties(organization);
    this.precedentRules = precedentRules;
    this.precedents = precedents;
  }

  @Override
  public void notify(DelegateTask task) {
    String choice = Texts.text(task.getVariable(RULING_CHOICE));
    var process = task.getExecution().getProcessInstance();
    if (MEETING_FIRST.equals(choice)) {
      process.setVariable(RULING_CHOICE, choice);
      return;
    }
    if (!RULE_NOW.equals(choice)) {
      throw new RefusedInputException("办理方式（rulingChoice）须为 rule（裁定）或 meeting（先召开联席会议），收到：" + choice);
    }
    String ownerText = Texts.text(task.getVariable(OWNER_UNIT));
    if (ownerText == null) {
      throw new RefusedInputException("裁定须写明主办单位（ownerUnit）");
    }
    String owner = parties.unit(ownerText, "主办单位（ownerUnit）");
    String reason = Texts.text(task.getVariable(RULING_REASON));
    if (reason == null || reason.length() > MAX_REASON) {
      throw new RefusedInputException("裁定须说明理由（rulingReason，不超过 " + MAX_REASON + " 字）");
    }
    List<String> coHandlers = new ArrayList<>();
    for (String coHandler : Texts.list(task.getVariable(CO_HANDLER_UNITS))) {
      if (organization.find(coHandler).filter(unit -> unit.type() == UnitType.DEPARTMENT).isEmpty()) {
        throw new RefusedInputException("协办单位（coHandlerUnits）须为部门编码，收到：" + coHandler);
      }
      if (!coHandler.equals(owner) && !coHandlers.contains(coHandler)) {
        coHandlers.add(coHandler);
      }
    }
    if (Boolean.TRUE.equals(task.getVariable(PRECEDENT))) {
      process.setVariable(PRECEDENT_NUMBER, recordPrecedent(task, owner, reason));
    }
    process.setVariable(RULING_CHOICE, choice);
    process.setVariable(OWNER_UNIT, owner);
    process.setVariable(OWNER_UNIT_NAME, parties.name(owner));
    process.setVariable(CO_HANDLER_UNITS, coHandlers);
    process.setVariable(RULING_REASON, reason);
  }

  /** The ruling as precedent: its conditions from the form, its owner the ruling's unless the group named another. */
  private String recordPrecedent(DelegateTask task, String owner, String reason) {
    String precedentOwner = Texts.text(task.getVariable(PRECEDENT_OWNER));
    PrecedentRule rule = precedentRules.checked((String) task.getVariable("category"), task.getVariable(PRECEDENT_KEYWORDS),
        (String) task.getVariable(PRECEDENT_LOCATION), (String) task.getVariable(PRECEDENT_CHANNEL), precedentOwner == null ? owner : precedentOwner);
    var user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return precedents.create(rule, reason, (String) task.getVariable("eventNumber"), user == null ? "system" : user.getUserId());
  }
}
