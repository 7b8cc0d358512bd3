package org.jingzhi.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jingzhi.cases.Texts;
import org.jingzhi.engine.RefusedInputException;
import org.springframework.stereotype.Component;

/** A summoned department's report (报到) says what it found or did on site. */
@Component("reportCheck")
class ReportCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String note = Texts.text(task.getVariable("reportNote"));
    if (note == null || note.length() > HandlingDecision.MAX_NOTE) {
      throw new RefusedInputException("请填写报到情况（reportNote，不超过 " + HandlingDecision.MAX_NOTE + " 字）");
    }
  }
}
