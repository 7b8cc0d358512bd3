package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.deadlines.Clocks;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.springframework.stereotype.Component;

/**
 * 一次性告知补正: one complete notice to the applicant of everything to supplement, at the window
 * ({@code noticeStage} = window) or merged from all departments of a review round (review). Sets the
 * day by which the applicant must supplement, after which the case ends as withdrawn.
 */
@Component("supplementNotice")
class SupplementNotice implements JavaDelegate {

  private final ApplicantNotices applicant;
  private final Clocks clocks;
  private final ApprovalSettings settings;

  SupplementNotice(ApplicantNotices applicant, Clocks clocks, ApprovalSettings settings) {
    this.applicant = applicant;
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

    applicant.tell(execution, execution.getProcessInstanceId(), NoticeKind.SUPPLEMENT, NoticeTemplate.CASE_SUPPLEMENT,
        Map.of("materials", request == null ? "" : request, "workingDays", String.valueOf(settings.getSupplementWorkingDays())));
  }
}
