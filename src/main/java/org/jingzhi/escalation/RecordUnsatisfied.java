package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 不满意: the first time, the level that resolved the event handles it again (重办); the second time,
 * the event moves up one level (the city, the top, handles it again).
 */
@Component("recordUnsatisfied")
class RecordUnsatisfied implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int count = ((Number) execution.getVariable(UNSATISFIED_COUNT)).intValue() + 1;
    execution.setVariable(UNSATISFIED_COUNT, count);
    if (count >= 2) {
      int levels = ((List<?>) execution.getVariable(LEVELS)).size();
      int index = ((Number) execution.getVariable(LEVEL_INDEX)).intValue();
      execution.setVariable(LEVEL_INDEX, Math.min(index + 1, levels - 1));
    }
  }
}
