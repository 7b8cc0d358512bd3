package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant the result: as the window issues the joint decision (出件, a task listener),
 * or when the window does not accept the application (a service task).
 */
@Component("caseResultNotice")
class CaseResultNotice implements JavaDelegate, TaskListener {

  private final ApplicantNotices applicant;

  CaseResultNotice(ApplicantNotices applicant) {
    this.applicant = applicant;
  }

  @Override
  public void execute(DelegateExecution execution) {
    applicant.tell(execution, execution.getProcessInstanceId(), NoticeKind.RESULT, NoticeTemplate.CASE_NOT_ACCEPTED,
        Map.of("reason", String.valueOf(execution.getVariable("acceptanceOpinion"))));
  }

  @Override
  public void notify(DelegateTask task) {
    boolean approved = APPROVED.equals(task.getVariable(REVIEW_OUTCOME));
    applicant.tell(task, task.getProcessInstanceId(), NoticeKind.RESULT, approved ? NoticeTemplate.CASE_APPROVED : NoticeTemplate.CASE_REJECTED,
        Map.of("summary", String.valueOf(task.getVariable(RESULT_SUMMARY))));
  }
}
