package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.QUERY_CODE;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.springframework.stereotype.Component;

/** 受理通知: as the window accepts the case (the flow 「受理」), the applicant gets its number and query code. */
@Component("acceptanceNotice")
class AcceptanceNotice implements ExecutionListener {

  private final ApplicantNotices applicant;

  AcceptanceNotice(ApplicantNotices applicant) {
    this.applicant = applicant;
  }

  @Override
  public void notify(DelegateExecution execution) {
    applicant.tell(execution, execution.getProcessInstanceId(), NoticeKind.ACCEPTANCE, NoticeTemplate.CASE_ACCEPTED,
        Map.of("queryCode", String.valueOf(execution.getVariable(QUERY_CODE))));
  }
}
