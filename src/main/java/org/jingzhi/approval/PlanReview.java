package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.deadlines.Clocks;
import org.springframework.stereotype.Component;

/**
 * 制定审查计划: asks the matter catalogue (the latest {@code matter-departments} and {@code matter-case-limit}) which
 * departments review the matter, each with its limit, and the case's total limit, and opens the first review round with
 * them: every department reviews, each with its full limit, and the case clock starts. The catalogue is asked through
 * {@link MatterCatalogue}, not by business rule tasks: the answer to a matter type is the same for every case of it, and
 * the engine's evaluation parsed the tables' entries and wrote the decision's history and result variables for each case
 * again (README 「Database work per case」).
 */
@Component("planReview")
class PlanReview implements JavaDelegate {

  private final Clocks clocks;
  private final MatterCatalogue catalogue;

  PlanReview(Clocks clocks, MatterCatalogue catalogue) {
    this.clocks = clocks;
    this.catalogue = catalogue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String matterType = (String) execution.getVariable(MATTER_TYPE);
    List<Map<String, Object>> plan = matterType == null ? List.of() : catalogue.departments(matterType);
    Optional<MatterCatalogue.Matter> matter = matterType == null ? Optional.empty() : catalogue.find(matterType);
    if (plan.isEmpty() || matter.isEmpty()) {
      throw new IllegalStateException(matterType == null ? "案件缺少事项类型 matterType" : "事项目录中没有事项 " + matterType + " 的审查部门");
    }
    List<String> departments = new ArrayList<>();
    Map<String, Integer> remainingDays = new LinkedHashMap<>();
    for (Map<String, Object> row : plan) {
      String department = (String) row.get("department");
      departments.add(department);
      remainingDays.put(department, ((Number) row.get("limitDays")).intValue());
    }
    execution.setVariable(DEPARTMENTS, departments);
    if (ReviewRounds.modelKeepsThemApart(execution)) {
      execution.setVariable(REVIEW_DEPARTMENTS, departments);
    }
    execution.setVariable(REMAINING_DAYS, remainingDays);
    execution.setVariable(REVIEW_ROUND, 1);
    execution.setVariable(ACCEPTED_AT, ClockUtil.getCurrentTime());
    clocks.start(execution, CASE_DUE, matter.get().totalLimitDays());
  }
}
