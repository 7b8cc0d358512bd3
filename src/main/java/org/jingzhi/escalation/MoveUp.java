package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 上报上一级: the next level of the chain takes over; the city, the top, keeps the event. */
@Component("moveUp")
class MoveUp implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int levels = ((List<?>) execution.getVariable(LEVELS)).size();
    int index = ((Number) execution.getVariable(LEVEL_INDEX)).intValue();
    execution.setVariable(LEVEL_INDEX, Math.min(index + 1, levels - 1));
  }
}
