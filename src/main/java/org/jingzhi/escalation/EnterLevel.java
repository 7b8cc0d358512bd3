package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.deadlines.Clocks;
import org.springframework.stereotype.Component;

/**
 * 进入处置层级: the event is now held by the unit of its current level; its limit there starts now
 * (working days, or clock hours when urgent), and the owning department the 权责清单 names for this level
 * is the one a summons proposes. Also used when a level handles an event again (重办).
 */
@Component("enterLevel")
class EnterLevel implements JavaDelegate {

  private final WorkingDays workingDays;
  private final Clocks clocks;

  EnterLevel(WorkingDays workingDays, Clocks clocks) {
    this.workingDays = workingDays;
    this.clocks = clocks;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> levels = (List<Map<String, Object>>) execution.getVariable(LEVELS);
    Map<String, Object> level = levels.get(((Number) execution.getVariable(LEVEL_INDEX)).intValue());
    boolean urgent = Boolean.TRUE.equals(execution.getVariable(URGENT));
    execution.setVariable(CURRENT_LEVEL, level.get("level"));
    execution.setVariable(CURRENT_LEVEL_NAME, level.get("levelName"));
    execution.setVariable(CURRENT_UNIT, level.get("unit"));
    execution.setVariable(CURRENT_UNIT_NAME, level.get("unitName"));
    if (urgent) {
      execution.setVariable(LEVEL_DUE, workingDays.hoursLater(((Number) level.get("hours")).intValue()));
    } else {
      clocks.start(execution, LEVEL_DUE, ((Number) level.get("days")).intValue());
    }
    if (level.containsKey(DEFAULT_DEPARTMENTS)) { // levels planned before the 权责清单 keep the departments planned then
      execution.setVariable(OWNER_DEPARTMENT, level.get(OWNER_DEPARTMENT));
      execution.setVariable(OWNER_DEPARTMENT_NAME, level.get(OWNER_DEPARTMENT_NAME));
      execution.setVariable(DEFAULT_DEPARTMENTS, new ArrayList<>((List<String>) level.get(DEFAULT_DEPARTMENTS)));
    }
    execution.removeVariable(ACTION);
  }
}
