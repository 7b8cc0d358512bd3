package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.notice.Cause;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.notice.Notices;
import org.springframework.stereotype.Component;

/** 吹哨报到: a summoned department is told, in the platform and by e-mail, as its report-on-site task is created. */
@Component("summonsNotice")
class SummonsNotice implements TaskListener {

  private final Notices notices;
  private final TimeZone zone;

  SummonsNotice(Notices notices, CalendarProperties calendar) {
    this.notices = notices;
    this.zone = TimeZone.getTimeZone(calendar.getZone());
  }

  @Override
  public void notify(DelegateTask task) {
    String department = (String) task.getVariable("department");
    String eventNumber = (String) task.getVariable(EVENT_NUMBER);
    SimpleDateFormat format = new SimpleDateFormat("yyyy年M月d日 HH:mm");
    format.setTimeZone(zone);
    Date due = task.getDueDate();
    notices.tellUnit(Cause.of(task.getProcessInstanceId(), eventNumber), NoticeKind.SUMMONS, department, NoticeTemplate.SUMMONS, Map.of(
        "unitName", String.valueOf(task.getVariable("unitName")), "departmentName", String.valueOf(task.getVariable("departmentName")),
        "categoryName", String.valueOf(task.getVariable(CATEGORY_NAME)), "address", String.valueOf(task.getVariable(ADDRESS)),
        "eventNumber", String.valueOf(eventNumber), "due", due == null ? "" : format.format(due)));
  }
}
