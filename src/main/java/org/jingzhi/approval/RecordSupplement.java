package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.deadlines.Clocks;
import org.jingzhi.cases.Texts;
import org.springframework.stereotype.Component;

/**
 * 登记补正材料: adds what the applicant brought to the case's materials. At the window
 * ({@code supplementStage} = window) the acceptance clock starts again.
 */
@Component("recordSupplement")
class RecordSupplement implements JavaDelegate {

  private final Clocks clocks;
  private final ApprovalSettings settings;

  RecordSupplement(Clocks clocks, ApprovalSettings settings) {
    this.clocks = clocks;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String supplied = Texts.text(execution.getVariable(SUPPLEMENT_MATERIALS));
    if (supplied != null) {
      StringBuilder materials = new StringBuilder((String) execution.getVariable(MATERIALS));
      supplied.lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(line -> materials.append("\n（补正）").append(line));
      execution.setVariable(MATERIALS, materials.toString());
    }
    execution.removeVariable(SUPPLEMENT_MATERIALS);
    clocks.end(execution, SUPPLEMENT_DUE);
    if ("window".equals(execution.getVariable("supplementStage"))) {
      clocks.start(execution, ACCEPTANCE_DUE, settings.getAcceptanceWorkingDays());
    }
  }
}
