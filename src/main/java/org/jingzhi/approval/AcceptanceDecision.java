package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jingzhi.cases.Texts;
import org.jingzhi.deadlines.Clocks;
import org.jingzhi.engine.RefusedInputException;
import org.springframework.stereotype.Component;

/**
 * Checks the window's acceptance before the task completes: a supplement needs the complete list of
 * missing materials (一次性告知), a refusal its reason. Refused input leaves the task open.
 */
@Component("acceptanceDecision")
class AcceptanceDecision implements TaskListener {

  private static final Set<String> ALLOWED = Set.of(ACCEPTED, SUPPLEMENT, REJECTED);

  private final Clocks clocks;

  AcceptanceDecision(Clocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public void notify(DelegateTask task) {
    String acceptance = Texts.text(task.getVariable(ACCEPTANCE));
    if (acceptance == null || !ALLOWED.contains(acceptance)) {
      throw new RefusedInputException("受理结论须为 accepted（受理）、supplement（一次性告知补正）或 rejected（不予受理），收到：" + acceptance);
    }
    if (SUPPLEMENT.equals(acceptance) && Texts.text(task.getVariable(MISSING_MATERIALS)) == null) {
      throw new RefusedInputException("一次性告知补正须列明全部需补正的材料（missingMaterials）");
    }
    if (REJECTED.equals(acceptance) && Texts.text(task.getVariable(OPINION)) == null) {
      throw new RefusedInputException("不予受理须说明理由（opinion）");
    }
    clocks.end(task.getExecution(), ACCEPTANCE_DUE);  // the window has decided: its limit no longer runs
  }
}
