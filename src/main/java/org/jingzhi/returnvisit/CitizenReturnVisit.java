package org.jingzhi.returnvisit;

import static org.jingzhi.escalation.EscalationProcess.CATEGORY_NAME;
import static org.jingzhi.escalation.EscalationProcess.EVENT_NUMBER;
import static org.jingzhi.escalation.EscalationProcess.NOTE;
import static org.jingzhi.escalation.EscalationProcess.REPORTER_PHONE;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.notice.Cause;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeSettings;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.notice.Notices;
import org.jingzhi.notice.Person;
import org.springframework.stereotype.Component;

/**
 * 短信回访: as the hotline's return-visit task is created, a reporter who left a mobile number gets the result and a
 * single-use link to answer it themselves. The task's follow-up date is when the link closes: until then the operator
 * may wait for the answer; after it, they phone as before.
 */
@Component("citizenReturnVisit")
class CitizenReturnVisit implements TaskListener {

  static final int MAX_RESULT_IN_SMS = 60;

  private final VisitTokens tokens;
  private final Notices notices;
  private final WorkingDays workingDays;
  private final ReturnVisitSettings settings;
  private final String publicUrl;

  CitizenReturnVisit(VisitTokens tokens, Notices notices, WorkingDays workingDays, ReturnVisitSettings settings, NoticeSettings noticeSettings) {
    this.tokens = tokens;
    this.notices = notices;
    this.workingDays = workingDays;
    this.settings = settings;
    this.publicUrl = noticeSettings.publicUrl();
  }

  @Override
  public void notify(DelegateTask task) {
    Person reporter = Person.reporter(task.getVariable(REPORTER_PHONE));
    if (reporter.mobile() == null) {
      return;
    }
    String eventNumber = (String) task.getVariable(EVENT_NUMBER);
    Date closes = workingDays.deadline(settings.answerWorkingDays());
    String token = tokens.issue(task.getProcessInstanceId(), task.getId(), eventNumber, closes);
    task.setFollowUpDate(closes);
    String result = task.getVariable(NOTE) == null ? "" : task.getVariable(NOTE).toString().strip();
    notices.tellPerson(Cause.of(task.getProcessInstanceId(), eventNumber), NoticeKind.EVENT, reporter, NoticeTemplate.EVENT_RESOLVED, Map.of(
        "categoryName", String.valueOf(task.getVariable(CATEGORY_NAME)), "eventNumber", eventNumber,
        "result", result.length() > MAX_RESULT_IN_SMS ? result.substring(0, MAX_RESULT_IN_SMS - 1) + "…" : result,
        "link", link(publicUrl, token)));
  }

  /** The page's address; the token after '#' never reaches a server's access log. */
  static String link(String publicUrl, String token) {
    return publicUrl + "/visit/#" + token;
  }
}
