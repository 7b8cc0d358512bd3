package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.deadlines.Extension;
import org.jingzhi.deadlines.Extensions;
import org.jingzhi.notice.Notice;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.Notices;
import org.jingzhi.organization.Organization;
import org.springframework.stereotype.Component;

/** 告知申请人延期: the applicant is told of an approved extension, its length, the new limit and the reason (art. 42). */
@Component("extensionNotice")
class ExtensionNotice implements JavaDelegate {

  private final Extensions extensions;
  private final Notices notices;
  private final Organization organization;
  private final DateTimeFormatter day;

  ExtensionNotice(Extensions extensions, Notices notices, Organization organization, CalendarProperties calendar) {
    this.extensions = extensions;
    this.notices = notices;
    this.organization = organization;
    this.day = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(calendar.getZone());
  }

  @Override
  public void execute(DelegateExecution execution) {
    Extension extension = extensions.latest(execution.getProcessInstanceId(), (String) execution.getVariable("extensionScope"),
        (String) execution.getVariable("extensionUnit")).orElseThrow();
    String caseNumber = (String) execution.getVariable(CASE_NUMBER);
    String limit = Extension.CASE.equals(extension.scope()) ? "办理总时限" : organization.shortName(extension.unit()) + "的审查时限";
    String body = "您申请的「" + execution.getVariable(MATTER_NAME) + "」（受理编号 " + caseNumber + "）" + limit + "经批准延长 "
        + extension.length() + "，延长至 " + day.format(extension.newDue().toInstant()) + "。延期理由：" + extension.reason();
    notices.record(NoticeKind.EXTENSION, execution.getProcessInstanceId(), caseNumber, Notice.APPLICANT,
        (String) execution.getVariable(APPLICANT_PHONE), "延期告知：" + execution.getVariable(PROJECT_NAME), body);
  }
}
