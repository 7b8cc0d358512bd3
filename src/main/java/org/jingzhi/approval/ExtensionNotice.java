package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.deadlines.Extension;
import org.jingzhi.deadlines.Extensions;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.organization.Organization;
import org.springframework.stereotype.Component;

/** 告知申请人延期: the applicant is told of an approved extension, its length, the new limit and the reason (art. 42). */
@Component("extensionNotice")
class ExtensionNotice implements JavaDelegate {

  private final Extensions extensions;
  private final ApplicantNotices applicant;
  private final Organization organization;
  private final DateTimeFormatter day;

  ExtensionNotice(Extensions extensions, ApplicantNotices applicant, Organization organization, CalendarProperties calendar) {
    this.extensions = extensions;
    this.applicant = applicant;
    this.organization = organization;
    this.day = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(calendar.getZone());
  }

  @Override
  public void execute(DelegateExecution execution) {
    Extension extension = extensions.latest(execution.getProcessInstanceId(), (String) execution.getVariable("extensionScope"),
        (String) execution.getVariable("extensionUnit")).orElseThrow();
    String limit = Extension.CASE.equals(extension.scope()) ? "办理总时限" : organization.shortName(extension.unit()) + "的审查时限";
    applicant.tell(execution, execution.getProcessInstanceId(), NoticeKind.EXTENSION, NoticeTemplate.CASE_EXTENSION, Map.of(
        "limit", limit, "length", extension.length(), "newDue", day.format(extension.newDue().toInstant()), "reason", extension.reason()));
  }
}
