package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jingzhi.engine.RefusedInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.deadlines.Clocks;
import org.jingzhi.cases.CaseNumbers;
import org.springframework.stereotype.Component;

/**
 * 登记受理编号: checks the application (whether it came through the API or Tasklist's start form),
 * issues the case number and query code, and starts the window's acceptance clock.
 */
@Component("registerCase")
class RegisterCase implements JavaDelegate {

  private final MatterCatalogue catalogue;
  private final CaseNumbers caseNumbers;
  private final Clocks clocks;
  private final ApprovalSettings settings;

  RegisterCase(MatterCatalogue catalogue, CaseNumbers caseNumbers, Clocks clocks, ApprovalSettings settings) {
    this.catalogue = catalogue;
    this.caseNumbers = caseNumbers;
    this.clocks = clocks;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseApplication application = CaseApplication.fromVariables(execution.getVariables());
    List<String> problems = application.problems(catalogue.types());
    Optional<MatterCatalogue.Matter> matter = problems.isEmpty() ? catalogue.find(application.matterType()) : Optional.empty();
    if (matter.isEmpty()) {
      throw new RefusedInputException("申请信息有误：" + String.join("；", problems));
    }
    Map<String, Object> variables = application.variables();
    execution.setVariables(variables);
    CaseApplication.NAMES.stream().filter(name -> !variables.containsKey(name)).forEach(execution::removeVariable); // a blank from the start form
    String caseNumber = caseNumbers.next(CaseNumbers.JOINT_APPROVAL, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CASE_NUMBER, caseNumber);
    execution.setVariable(QUERY_CODE, QueryCodes.next());
    execution.setVariable(MATTER_NAME, matter.get().name());
    clocks.start(execution, ACCEPTANCE_DUE, settings.getAcceptanceWorkingDays());
  }
}
