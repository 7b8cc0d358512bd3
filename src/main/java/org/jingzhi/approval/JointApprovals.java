package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.jingzhi.cases.CaseHistory;
import org.jingzhi.engine.AsSystem;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.organization.UnitType;
import org.jingzhi.security.PlatformCall;
import org.jingzhi.web.ConflictException;
import org.jingzhi.web.InvalidRequestException;
import org.jingzhi.web.NotFoundException;
import org.springframework.stereotype.Service;

/** Submitting applications and supplements on behalf of the logged-in clerk. */
@Service
public class JointApprovals {

  static final int MAX_NOTE = 1000;

  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final MatterCatalogue catalogue;
  private final CurrentUser currentUser;

  public JointApprovals(RuntimeService runtime, HistoryService history, IdentityService identity, MatterCatalogue catalogue,
                        CurrentUser currentUser) {
    this.runtime = runtime;
    this.history = history;
    this.identity = identity;
    this.catalogue = catalogue;
    this.currentUser = currentUser;
  }

  /** Starts the case as the logged-in user; the engine refuses users who may not start it. */
  public Submission submit(ApplicationRequest request) {
    if (request == null) {
      throw new InvalidRequestException("缺少请求体");
    }
    CaseApplication application = request.toApplication();
    List<String> problems = application.problems(catalogue.types());
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("申请信息有误：" + String.join("；", problems));
    }
    ProcessInstanceWithVariables started = PlatformCall.call(() -> runtime.createProcessInstanceByKey(KEY)
        .setVariables(application.variables())
        .executeWithVariablesInReturn());
    VariableMap variables = started.getVariables();
    return new Submission((String) variables.get(CASE_NUMBER), (String) variables.get(QUERY_CODE), started.getId());
  }

  /** The applicant brought the materials asked for; only while the case waits for them. */
  public void supplement(String caseNumber, SupplementRequest request) {
    requireWindowClerk();
    HistoricProcessInstance instance = CaseHistory.byNumber(history, KEY, caseNumber);
    if (instance == null) {
      throw new NotFoundException("没有受理编号为 " + caseNumber + " 的案件");
    }
    if (instance.getEndTime() != null) {
      throw new ConflictException("案件 " + caseNumber + " 已办结，不能再提交补正材料");
    }
    String materials = checkedMaterials(request);
    boolean waiting = AsSystem.call(identity, () -> runtime.createExecutionQuery().processInstanceId(instance.getId())
        .messageEventSubscriptionName(SUPPLEMENT_MESSAGE).count() > 0);
    if (!waiting) {
      throw new ConflictException("案件 " + caseNumber + " 当前不在等待补正，不能提交补正材料");
    }
    try {
      AsSystem.run(identity, () -> runtime.createMessageCorrelation(SUPPLEMENT_MESSAGE)
          .processInstanceId(instance.getId())
          .setVariables(Map.of(SUPPLEMENT_MATERIALS, materials, SUPPLEMENT_NOTE, request.note() == null ? "" : request.note().trim()))
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("案件 " + caseNumber + " 当前不在等待补正，不能提交补正材料");
    }
  }

  private static String checkedMaterials(SupplementRequest request) {
    if (request == null || request.materials() == null || request.materials().isEmpty()
        || request.materials().stream().allMatch(material -> material == null || material.isBlank())) {
      throw new InvalidRequestException("补正须至少提交一份材料 materials");
    }
    if (request.materials().size() > CaseApplication.MAX_MATERIALS
        || request.materials().stream().anyMatch(material -> material != null && material.length() > CaseApplication.MAX_MATERIAL)) {
      throw new InvalidRequestException("补正材料最多 " + CaseApplication.MAX_MATERIALS + " 项，每项不超过 " + CaseApplication.MAX_MATERIAL + " 字");
    }
    if (request.note() != null && request.note().length() > MAX_NOTE) {
      throw new InvalidRequestException("补正说明 note 不超过 " + MAX_NOTE + " 字");
    }
    return String.join("\n", request.materials().stream().filter(material -> material != null && !material.isBlank())
        .map(material -> material.replace('\n', ' ').trim()).toList());
  }

  private void requireWindowClerk() {
    if (!currentUser.worksIn(UnitType.SERVICE_CENTER)) {
      throw new AuthorizationException("只有政务服务中心窗口可以登记补正材料");
    }
  }
}
