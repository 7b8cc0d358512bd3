package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.notice.Cause;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.notice.Notices;
import org.jingzhi.organization.Organization;
import org.springframework.stereotype.Component;

/** 催办: the department's review is due at the end of the working day; tell the department. */
@Component("reviewReminder")
class ReviewReminder implements JavaDelegate {

  private final Notices notices;
  private final Organization organization;

  ReviewReminder(Notices notices, Organization organization) {
    this.notices = notices;
    this.organization = organization;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String department = (String) execution.getVariable("department");
    String subject = organization.shortName(department) + "审查：" + execution.getVariable(PROJECT_NAME);
    String caseNumber = (String) execution.getVariable(CASE_NUMBER);
    notices.tellUnit(Cause.once(execution, caseNumber, NoticeKind.REMINDER, department), NoticeKind.REMINDER, department,
        NoticeTemplate.REVIEW_REMINDER, Map.of("subject", subject));
  }
}
