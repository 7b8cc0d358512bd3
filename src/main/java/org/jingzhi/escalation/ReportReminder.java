package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.notice.Cause;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.notice.Notices;
import org.springframework.stereotype.Component;

/** 催办: a summoned department has not yet reported on site; its limit is near. */
@Component("reportReminder")
class ReportReminder implements JavaDelegate {

  private final Notices notices;

  ReportReminder(Notices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String department = (String) execution.getVariable("department");
    String subject = execution.getVariable("unitName") + "吹哨：" + execution.getVariable(CATEGORY_NAME) + "（" + execution.getVariable(ADDRESS) + "）";
    String eventNumber = (String) execution.getVariable(EVENT_NUMBER);
    notices.tellUnit(Cause.once(execution, eventNumber, NoticeKind.REMINDER, department), NoticeKind.REMINDER, department,
        NoticeTemplate.REPORT_REMINDER, Map.of("subject", subject));
  }
}
