package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.deadlines.Clocks;
import org.springframework.stereotype.Component;

/**
 * 制定审查计划: turns the catalogue's answer (departments with their limits, the case's total limit)
 * into the first review round: every department reviews, each with its full limit, and the case
 * clock starts.
 */
@Component("planReview")
class PlanReview implements JavaDelegate {

  private final Clocks clocks;

  PlanReview(Clocks clocks) {
    this.clocks = clocks;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> plan = (List<Map<String, Object>>) execution.getVariable(DEPARTMENT_PLAN);
    Map<String, Object> matter = (Map<String, Object>) execution.getVariable(MATTER);
    if (plan == null || plan.isEmpty() || matter == null) {
      throw new IllegalStateException("事项目录中没有事项 " + execution.getVariable(MATTER_TYPE) + " 的审查部门");
    }
    List<String> departments = new ArrayList<>();
    Map<String, Integer> remainingDays = new LinkedHashMap<>();
    for (Map<String, Object> row : plan) {
      String department = (String) row.get("department");
      departments.add(department);
      remainingDays.put(department, ((Number) row.get("limitDays")).intValue());
    }
    execution.setVariable(DEPARTMENTS, departments);
    execution.setVariable(REVIEW_DEPARTMENTS, departments);
    execution.setVariable(REMAINING_DAYS, remainingDays);
    execution.setVariable(REVIEW_ROUND, 1);
    execution.setVariable(ACCEPTED_AT, ClockUtil.getCurrentTime());
    clocks.start(execution, CASE_DUE, ((Number) matter.get("totalLimitDays")).intValue());
  }
}
