package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jingzhi.cases.Texts;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.Unit;
import org.jingzhi.organization.UnitType;
import org.springframework.stereotype.Component;

/**
 * Checks a level handler's decision before the task completes and hands it to the level's process:
 * every action needs a note (the result, or the reason); a summons names existing departments; the
 * city cannot escalate further; a dispute (职责争议) comes from a street, district or the city and names the
 * units involved; the owner a ruling named neither sends the event back nor disputes it again.
 */
@Component("handlingDecision")
class HandlingDecision implements TaskListener {

  static final int MAX_NOTE = 2000;
  private static final Set<String> ACTIONS = Set.of(RESOLVE, ESCALATE, SUMMON, SEND_BACK, DISPUTE);

  private final Organization organization;

  HandlingDecision(Organization organization) {
    this.organization = organization;
  }

  @Override
  public void notify(DelegateTask task) {
    String action = Texts.text(task.getVariable(ACTION));
    String note = Texts.text(task.getVariable(NOTE));
    if (action == null || !ACTIONS.contains(action)) {
      throw new RefusedInputException("处置方式须为 resolve（办结）、escalate（上报）、summon（吹哨）、sendBack（退单）或 dispute（职责争议），收到："
          + action);
    }
    if (note == null) {
      throw new RefusedInputException(switch (action) {
        case RESOLVE -> "办结须填写处置结果（note）";
        case ESCALATE -> "上报须说明理由（note）";
        case SEND_BACK -> "退单须说明理由（note）";
        case DISPUTE -> "职责争议须说明理由（note）";
        default -> "吹哨须说明需要部门协助的事项（note）";
      });
    }
    if (note.length() > MAX_NOTE) {
      throw new RefusedInputException("说明不超过 " + MAX_NOTE + " 字");
    }
    if (ESCALATE.equals(action) && CITY.equals(task.getVariable("level"))) {
      throw new RefusedInputException("市级已是最高层级，不能再上报");
    }
    boolean ruledOwner = task.getVariable(UNIT) != null && task.getVariable(UNIT).equals(task.getVariable(RULED_OWNER));
    if (ruledOwner && (SEND_BACK.equals(action) || DISPUTE.equals(action))) {
      throw new RefusedInputException("本单位是裁定的主办单位，不能再退单或提出职责争议；本级确实无法解决的，可以上报");
    }
    if (DISPUTE.equals(action) && COMMUNITY.equals(task.getVariable(LEVEL))) {
      throw new RefusedInputException("职责争议由街道、区或市级提出；社区不属本单位职责的事件请退单");
    }
    var process = task.getExecution().getProcessInstance();
    if (DISPUTE.equals(action)) {
      process.setVariable(DISPUTE_UNITS, departments(task.getVariable(DISPUTE_UNITS), "职责争议须写明所涉部门（disputeUnits）"));
    }
    if (SUMMON.equals(action)) {
      process.setVariable(SUMMON_DEPARTMENTS, departments(task.getVariable(DEPARTMENTS), "吹哨须选择至少一个报到部门（departments）"));
    }
    process.setVariable(ACTION, action);
    process.setVariable(NOTE, note);
  }

  /**
   * The departments a summons or a dispute names, at least one. A mutable list: variables are stored as JSON with
   * their Java type, and immutable lists do not read back.
   */
  private List<String> departments(Object value, String noneNamed) {
    List<String> departments = Texts.list(value).stream().distinct().toList();
    if (departments.isEmpty()) {
      throw new RefusedInputException(noneNamed);
    }
    for (String department : departments) {
      if (organization.find(department).filter(unit -> unit.type() == UnitType.DEPARTMENT).isEmpty()) {
        throw new RefusedInputException("未知的部门：" + department + "（可选：" + String.join("、",
            organization.ofType(UnitType.DEPARTMENT).stream().map(Unit::groupId).toList()) + "）");
      }
    }
    return new ArrayList<>(departments);
  }
}
