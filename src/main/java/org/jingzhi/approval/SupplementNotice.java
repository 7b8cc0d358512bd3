package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.deadlines.Clocks;
import org.jingzhi.notice.Notice;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.Notices;
import org.springframework.stereotype.Component;

/**
 * 一次性告知补正: one complete notice to the applicant of everything to supplement, at the window
 * ({@code noticeStage} = window) or merged from all departments of a review round (review). Sets the
 * day by which the applicant must supplement, after which the case ends as withdrawn.
 */
@Component("supplementNotice")
class SupplementNotice implements JavaDelegate {

  private final Notices notices;
  private final Clocks clocks;
  private final ApprovalSettings settings;

  SupplementNotice(Notices notices, Clocks clocks, ApprovalSettings settings) {
    this.notices = notices;
    this.clocks = clocks;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean atWindow = "window".equals(execution.getVariable("noticeStage"));
    String request = atWindow ? (String) execution.getVariable("acceptanceMissingMaterials") : (String) execution.getVariable(SUPPLEMENT_REQUEST);
    execution.setVariable(SUPPLEMENT_REQUEST, request);
    execution.setVariable("supplementRequestedAt", ClockUtil.getCurrentTime());
    clocks.start(execution, SUPPLEMENT_DUE, settings.getSupplementWorkingDays());

    String caseNumber = (String) execution.getVariable(CASE_NUMBER);
    String title = "补正材料通知（一次性告知）：" + execution.getVariable(PROJECT_NAME);
    String body = "您申请的「" + execution.getVariable(MATTER_NAME) + "」（受理编号 " + caseNumber + "）需补正以下材料：\n" + request
        + "\n请在 " + settings.getSupplementWorkingDays() + " 个工作日内到政务服务中心窗口补正，逾期视为撤回申请。";
    notices.record(NoticeKind.SUPPLEMENT, execution.getProcessInstanceId(), caseNumber, Notice.APPLICANT,
        (String) execution.getVariable(APPLICANT_PHONE), title, body);
  }
}
