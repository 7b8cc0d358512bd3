package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jingzhi.notice.Cause;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeMoments;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.notice.Notices;
import org.springframework.stereotype.Component;

/** 吹哨报到: a summoned department is told, in the platform and by e-mail, as its report-on-site task is created. */
@Component("summonsNotice")
class SummonsNotice implements TaskListener {

  private final Notices notices;
  private final NoticeMoments moments;

  SummonsNotice(Notices notices, NoticeMoments moments) {
    this.notices = notices;
    this.moments = moments;
  }

  @Override
  public void notify(DelegateTask task) {
    String department = (String) task.getVariable("department");
    String eventNumber = (String) task.getVariable(EVENT_NUMBER);
    Date due = task.getDueDate();
    notices.tellUnit(Cause.of(task.getProcessInstanceId(), eventNumber), NoticeKind.SUMMONS, department, NoticeTemplate.SUMMONS, Map.of(
        "unitName", String.valueOf(task.getVariable("unitName")), "departmentName", String.valueOf(task.getVariable("departmentName")),
        "categoryName", String.valueOf(task.getVariable(CATEGORY_NAME)), "address", String.valueOf(task.getVariable(ADDRESS)),
        "eventNumber", String.valueOf(eventNumber), "due", due == null ? "" : moments.format(due)));
  }
}
