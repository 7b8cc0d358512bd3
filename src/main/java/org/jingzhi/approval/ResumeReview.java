package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.deadlines.Clocks;
import org.springframework.stereotype.Component;

/**
 * 恢复审查: after the applicant supplemented, only the departments that asked review again, with the
 * working days they had left; the case clock resumes with what it had left.
 */
@Component("resumeReview")
class ResumeReview implements JavaDelegate {

  private final Clocks clocks;

  ResumeReview(Clocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.hasVariable(REVIEW_DEPARTMENTS)) { // a case of a model from before (ReviewRounds)
      execution.setVariable(REVIEW_DEPARTMENTS, execution.getVariable(SUPPLEMENT_DEPARTMENTS));
    }
    execution.setVariable(REVIEW_ROUND, ((Number) execution.getVariable(REVIEW_ROUND)).intValue() + 1);
    clocks.start(execution, CASE_DUE, ((Number) execution.getVariable(CASE_REMAINING_DAYS)).intValue());
  }
}
