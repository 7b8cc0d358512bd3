package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jingzhi.cases.Texts;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.UnitType;
import org.springframework.stereotype.Component;

/**
 * Checks who the dispatcher (重新派单) or the command centre (确定责任单位) names as the event's owner:
 * a community, street or district of the org tree, with a reason.
 */
@Component("ownerDecision")
class OwnerDecision implements TaskListener {

  private final Organization organization;

  OwnerDecision(Organization organization) {
    this.organization = organization;
  }

  @Override
  public void notify(DelegateTask task) {
    String owner = Texts.text(task.getVariable(OWNER_UNIT));
    if (owner == null || organization.find(owner).map(unit -> unit.type() == UnitType.COMMUNITY || unit.type() == UnitType.STREET
        || unit.type() == UnitType.DISTRICT).orElse(false) == Boolean.FALSE) {
      throw new RefusedInputException("责任单位（ownerUnit）须为社区、街道或区的 12 位代码，收到：" + owner);
    }
    String reason = Texts.text(task.getVariable("ownerReason"));
    if (reason == null || reason.length() > HandlingDecision.MAX_NOTE) {
      throw new RefusedInputException("请说明派单或认定理由（ownerReason，不超过 " + HandlingDecision.MAX_NOTE + " 字）");
    }
  }
}
