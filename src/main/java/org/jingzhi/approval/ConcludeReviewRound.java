package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.deadlines.Clocks;
import org.springframework.stereotype.Component;

/**
 * 汇总审查意见: the join of a review round, the only place that reads the departments' results. Any
 * refusal ends the case with one consolidated refusal giving every department's reasons; otherwise
 * any supplement request leads to one merged notice and stops the clocks; otherwise, when every
 * department of the matter has approved, the case is approved. Approvals given in earlier rounds
 * stand.
 */
@Component("concludeReviewRound")
class ConcludeReviewRound implements JavaDelegate {

  private final WorkingDays workingDays;
  private final Clocks clocks;

  ConcludeReviewRound(WorkingDays workingDays, Clocks clocks) {
    this.workingDays = workingDays;
    this.clocks = clocks;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    List<String> departments = (List<String>) execution.getVariable(DEPARTMENTS);
    List<String> round = ReviewRounds.of(execution);
    Map<String, Map<String, Object>> reviews = new LinkedHashMap<>();
    for (String department : departments) {
      reviews.put(department, (Map<String, Object>) execution.getVariable(reviewOf(department)));
    }
    List<String> refusing = withDecision(round, reviews, REJECTED);
    List<String> supplementing = withDecision(round, reviews, SUPPLEMENT);

    if (!refusing.isEmpty()) {
      execution.setVariable(REVIEW_OUTCOME, REJECTED);
      execution.setVariable(RESULT_SUMMARY, summary("不予许可", departments, reviews));
    } else if (!supplementing.isEmpty()) {
      execution.setVariable(REVIEW_OUTCOME, SUPPLEMENT);
      execution.setVariable(SUPPLEMENT_DEPARTMENTS, supplementing);
      Map<String, Integer> remaining = new LinkedHashMap<>((Map<String, Integer>) execution.getVariable(REMAINING_DAYS));
      supplementing.forEach(department -> remaining.put(department, ((Number) reviews.get(department).get("remainingDays")).intValue()));
      execution.setVariable(REMAINING_DAYS, remaining);
      execution.setVariable(CASE_REMAINING_DAYS, Math.max(1, workingDays.workingDaysLeft((Date) execution.getVariable(CASE_DUE))));
      clocks.end(execution, CASE_DUE);  // stopped for the supplement; ResumeReview starts it again with what it had left
      execution.setVariable(SUPPLEMENT_REQUEST, mergedRequest(supplementing, reviews));
    } else if (departments.stream().allMatch(department -> reviews.get(department) != null
        && APPROVED.equals(reviews.get(department).get("decision")))) {
      execution.setVariable(REVIEW_OUTCOME, APPROVED);
      execution.setVariable(RESULT_SUMMARY, summary("准予许可", departments, reviews));
    } else {
      throw new IllegalStateException("审查轮次结束，但并非所有部门都已作出结论：" + reviews.keySet());
    }
  }

  private static List<String> withDecision(List<String> round, Map<String, Map<String, Object>> reviews, String decision) {
    List<String> matching = new ArrayList<>();
    for (String department : round) {
      Map<String, Object> review = reviews.get(department);
      if (review != null && decision.equals(review.get("decision"))) {
        matching.add(department);
      }
    }
    return matching;
  }

  private static String summary(String result, List<String> departments, Map<String, Map<String, Object>> reviews) {
    StringBuilder text = new StringBuilder("联合审批结果：").append(result).append("。");
    for (String department : departments) {
      Map<String, Object> review = reviews.get(department);
      if (review != null) {
        text.append("\n").append(review.get("departmentName")).append("（").append(label((String) review.get("decision"))).append("）：")
            .append(review.get("opinion"));
      }
    }
    return text.toString();
  }

  static String mergedRequest(List<String> departments, Map<String, Map<String, Object>> reviews) {
    StringBuilder text = new StringBuilder();
    for (String department : departments) {
      Map<String, Object> review = reviews.get(department);
      if (!text.isEmpty()) {
        text.append("\n");
      }
      text.append(review.get("departmentName")).append("：").append(review.get("missingMaterials"));
    }
    return text.toString();
  }

  static String label(String decision) {
    return switch (decision) {
      case APPROVED -> "同意";
      case REJECTED -> "不予许可";
      case SUPPLEMENT -> "需补正";
      default -> decision;
    };
  }
}
