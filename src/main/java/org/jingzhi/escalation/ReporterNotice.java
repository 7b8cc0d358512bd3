package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.jingzhi.notice.Cause;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.notice.Notices;
import org.jingzhi.notice.Person;
import org.springframework.stereotype.Component;

/** 登记告知: the reporter, if they left a mobile number, gets the event number as the event is registered. */
@Component("reporterNotice")
class ReporterNotice implements ExecutionListener {

  private final Notices notices;
  private final EventCatalogue catalogue;

  ReporterNotice(Notices notices, EventCatalogue catalogue) {
    this.notices = notices;
    this.catalogue = catalogue;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Person reporter = Person.reporter(execution.getVariable(REPORTER_PHONE));
    if (reporter.mobile() == null) {
      return;
    }
    String eventNumber = (String) execution.getVariable(EVENT_NUMBER);
    notices.tellPerson(Cause.of(execution, eventNumber), NoticeKind.EVENT, reporter, NoticeTemplate.EVENT_REGISTERED,
        Map.of("categoryName", categoryName((String) execution.getVariable(CATEGORY)), "eventNumber", eventNumber));
  }

  private String categoryName(String category) {
    return catalogue.category(category).map(row -> String.valueOf(row.get("categoryName"))).orElse(category);
  }
}
