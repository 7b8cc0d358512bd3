package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.notice.Notice;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.Notices;
import org.springframework.stereotype.Component;

/** 视为撤回: the applicant did not supplement in time; the case ends and the applicant is told. */
@Component("withdrawCase")
class WithdrawCase implements JavaDelegate {

  private final Notices notices;

  WithdrawCase(Notices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable(CASE_NUMBER);
    notices.record(NoticeKind.WITHDRAWAL, execution.getProcessInstanceId(), caseNumber, Notice.APPLICANT,
        (String) execution.getVariable(APPLICANT_PHONE), "申请视为撤回：" + execution.getVariable(PROJECT_NAME),
        "受理编号 " + caseNumber + " 的申请未在规定期限内补正材料，视为撤回。如需办理请重新申请。");
  }
}
