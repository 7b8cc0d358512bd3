package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jingzhi.cases.Texts;
import org.jingzhi.engine.RefusedInputException;
import org.springframework.stereotype.Component;

/** Checks a return visit (回访): the citizen's satisfaction and, when reached, whether the problem was solved. */
@Component("returnVisitCheck")
class ReturnVisitCheck implements TaskListener {

  static final Set<String> SATISFACTION = Set.of("satisfied", "basicallySatisfied", "unsatisfied", "unreachable");

  @Override
  public void notify(DelegateTask task) {
    String satisfaction = Texts.text(task.getVariable(EscalationProcess.SATISFACTION));
    String resolved = Texts.text(task.getVariable(RESOLVED));
    if (satisfaction == null || !SATISFACTION.contains(satisfaction)) {
      throw new RefusedInputException("满意度须为 satisfied（满意）、basicallySatisfied（基本满意）、unsatisfied（不满意）或 unreachable（联系不上），收到："
          + satisfaction);
    }
    if (!"unreachable".equals(satisfaction) && !"yes".equals(resolved) && !"no".equals(resolved)) {
      throw new RefusedInputException("请填写问题是否已解决（resolved：yes 或 no）");
    }
    String note = Texts.text(task.getVariable("visitNote"));
    if (note != null && note.length() > HandlingDecision.MAX_NOTE) {
      throw new RefusedInputException("回访记录不超过 " + HandlingDecision.MAX_NOTE + " 字");
    }
  }
}
