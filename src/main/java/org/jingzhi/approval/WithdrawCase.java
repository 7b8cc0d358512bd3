package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import java.util.Map;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.springframework.stereotype.Component;

/** 视为撤回: the applicant did not supplement in time; the case ends and the applicant is told. */
@Component("withdrawCase")
class WithdrawCase implements JavaDelegate {

  private final ApplicantNotices applicant;

  WithdrawCase(ApplicantNotices applicant) {
    this.applicant = applicant;
  }

  @Override
  public void execute(DelegateExecution execution) {
    applicant.tell(execution, execution.getProcessInstanceId(), NoticeKind.WITHDRAWAL, NoticeTemplate.CASE_WITHDRAWN, Map.of());
  }
}
