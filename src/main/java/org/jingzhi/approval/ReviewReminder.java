package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.notice.Notice;
import org.jingzhi.notice.NoticeKind;
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
    notices.recordOnce(execution, NoticeKind.REMINDER, (String) execution.getVariable(CASE_NUMBER), Notice.UNIT,
        department, "催办：" + subject, "「" + subject + "」今日到期，请及时办结。");
  }
}
