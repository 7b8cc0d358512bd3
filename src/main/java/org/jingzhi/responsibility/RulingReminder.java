package org.jingzhi.responsibility;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.notice.Cause;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.notice.Notices;
import org.springframework.stereotype.Component;

/** 催办: the group's ruling on a disputed event is due today. */
@Component("rulingReminder")
class RulingReminder implements JavaDelegate {

  private final Notices notices;

  RulingReminder(Notices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = (String) execution.getVariable("eventNumber");
    String subject = "裁定责任单位：" + execution.getVariable("categoryName") + "（" + number + "）";
    notices.tellUnit(Cause.once(execution, number, NoticeKind.REMINDER, AdjudicationProcess.GROUP), NoticeKind.REMINDER,
        AdjudicationProcess.GROUP, NoticeTemplate.RULING_REMINDER, Map.of("subject", subject));
  }
}
