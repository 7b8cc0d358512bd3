package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.jingzhi.notice.Notice;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.Notices;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant the result: as the window issues the joint decision (出件, a task listener),
 * or when the window does not accept the application (a service task).
 */
@Component("caseResultNotice")
class CaseResultNotice implements JavaDelegate, TaskListener {

  private final Notices notices;

  CaseResultNotice(Notices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = (String) execution.getVariable("acceptanceOpinion");
    send(execution, execution.getProcessInstanceId(), "不予受理通知", "您的申请不予受理。理由：" + reason);
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = (String) task.getVariable(REVIEW_OUTCOME);
    send(task, task.getProcessInstanceId(), APPROVED.equals(outcome) ? "准予许可决定" : "不予许可决定", (String) task.getVariable(RESULT_SUMMARY));
  }

  private void send(VariableScope scope, String processInstanceId, String title, String body) {
    String caseNumber = (String) scope.getVariable(CASE_NUMBER);
    notices.record(NoticeKind.RESULT, processInstanceId, caseNumber, Notice.APPLICANT, (String) scope.getVariable(APPLICANT_PHONE),
        title + "：" + scope.getVariable(PROJECT_NAME), "受理编号 " + caseNumber + "。" + body);
  }
}
