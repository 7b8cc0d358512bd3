package org.jingzhi.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Counts a round of something that is limited (send-backs, dissatisfied return visits): adds one to
 * the variable named by the service task's input parameter {@code counter}.
 */
@Component("countRound")
class CountRound implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String counter = (String) execution.getVariable("counter");
    Object value = execution.getVariable(counter);
    execution.setVariable(counter, (value == null ? 0 : ((Number) value).intValue()) + 1);
  }
}
