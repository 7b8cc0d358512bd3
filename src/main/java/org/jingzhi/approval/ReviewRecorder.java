package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.cases.Texts;
import org.jingzhi.deadlines.ExcludedPeriods;
import org.jingzhi.deadlines.ExcludedTime;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.organization.Organization;
import org.springframework.stereotype.Component;

/**
 * Records one department's review when its task completes, in a variable of its own
 * ({@code review_<department>}), so parallel departments never write the same variable. A
 * department asking for a supplement keeps the working days it had left; its clock stops now.
 */
@Component("reviewRecorder")
class ReviewRecorder implements TaskListener {

  static final int MAX_TEXT = 2000;
  private static final Set<String> DECISIONS = Set.of(APPROVED, REJECTED, SUPPLEMENT);

  private final WorkingDays workingDays;
  private final Organization organization;
  private final ExcludedPeriods excludedPeriods;
  private final ExcludedTime excludedTime;

  ReviewRecorder(WorkingDays workingDays, Organization organization, ExcludedPeriods excludedPeriods, ExcludedTime excludedTime) {
    this.workingDays = workingDays;
    this.organization = organization;
    this.excludedPeriods = excludedPeriods;
    this.excludedTime = excludedTime;
  }

  @Override
  public void notify(DelegateTask task) {
    String department = departmentOf(task);
    String decision = Texts.text(task.getVariable(DECISION));
    String opinion = Texts.text(task.getVariable(OPINION));
    String missing = Texts.text(task.getVariable(MISSING_MATERIALS));
    check(decision, opinion, missing);

    Map<String, Object> review = new LinkedHashMap<>();
    review.put("department", department);
    review.put("departmentName", organization.shortName(department));
    review.put("decision", decision);
    review.put("opinion", opinion);
    review.put("missingMaterials", SUPPLEMENT.equals(decision) ? missing : null);
    review.put("reviewer", reviewer(task));
    review.put("decidedAt", ClockUtil.getCurrentTime().toInstant().toString());
    review.put("round", task.getVariable(REVIEW_ROUND));
    // a decision ends the department's excluded period: its clock (for what is left) and the case total run again
    excludedPeriods.open(task.getProcessInstanceId(), department).forEach(period -> excludedTime.end((ExecutionEntity) task.getExecution(),
        period, "审查已作出结论", reviewer(task), REVIEW_DUE, CASE_DUE));
    if (SUPPLEMENT.equals(decision)) {
      review.put("remainingDays", Math.max(1, workingDays.workingDaysLeft((Date) task.getVariable(REVIEW_DUE))));
    }
    task.getExecution().getProcessInstance().setVariableLocal(reviewOf(department), review);
  }

  static void check(String decision, String opinion, String missing) {
    if (decision == null || !DECISIONS.contains(decision)) {
      throw new RefusedInputException("审查结论须为 approved（同意）、rejected（不予许可）或 supplement（需补正），收到：" + decision);
    }
    if (opinion == null) {
      throw new RefusedInputException("请填写审查意见（opinion）");
    }
    if (opinion.length() > MAX_TEXT || (missing != null && missing.length() > MAX_TEXT)) {
      throw new RefusedInputException("审查意见和补正材料说明均不超过 " + MAX_TEXT + " 字");
    }
    if (SUPPLEMENT.equals(decision) && missing == null) {
      throw new RefusedInputException("需补正时须列明缺少的材料（missingMaterials）");
    }
  }

  /**
   * The department the task was created for: the review instance's department, which must also be the
   * task's candidate group. Clients cannot write it (the integrity guard); the check keeps it so.
   */
  private static String departmentOf(DelegateTask task) {
    String department = (String) task.getExecution().getVariable("department");
    boolean candidate = task.getCandidates().stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && department != null && department.equals(link.getGroupId()));
    if (!candidate) {
      throw new IllegalStateException("The review task " + task.getId() + " is not for the department " + department);
    }
    return department;
  }

  private static String reviewer(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication user = Context.getCommandContext().getAuthentication();
    return user == null ? null : user.getUserId();
  }
}
