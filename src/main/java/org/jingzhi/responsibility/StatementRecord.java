package org.jingzhi.responsibility;

import static org.jingzhi.responsibility.AdjudicationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A party stated its view: kept under the party's own name, where the other parties' tasks cannot read it. */
@Component("statementRecord")
class StatementRecord implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().getProcessInstance().setVariable(STATEMENT_OF + task.getVariable("party"), task.getVariable(STATEMENT_TEXT));
  }
}
