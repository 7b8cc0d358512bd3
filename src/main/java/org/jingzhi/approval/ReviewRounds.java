package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.springframework.stereotype.Component;

/**
 * The departments a review round asks — the collection of 部门并联审查: every department of the case in the first round,
 * after a supplement only those that asked for it. Read from the case's {@code departments} and
 * {@code supplementDepartments}, so the first round's list is not kept twice.
 *
 * <p>Cases started on a model from before name their rounds' departments in a variable of their own
 * ({@code reviewDepartments}, the collection of that model); for them it is still written and read. {@link PlanReview}
 * asks the model whether it reads that variable; later steps find the variable there or not. Only an administrator
 * could make the two disagree — by giving a case of the current model such a variable, which then names its rounds'
 * departments, or by migrating one back to an older model, which then finds none.
 */
@Component("reviewRounds")
public class ReviewRounds {

  private static final String REVIEWS_BODY = "departmentReview#multiInstanceBody";

  /** For the model's collection expression. */
  public List<String> departments(DelegateExecution execution) {
    return of(execution);
  }

  @SuppressWarnings("unchecked")
  static List<String> of(VariableScope execution) {
    if (execution.hasVariable(REVIEW_DEPARTMENTS)) {
      return (List<String>) execution.getVariable(REVIEW_DEPARTMENTS);
    }
    boolean first = ((Number) execution.getVariable(REVIEW_ROUND)).intValue() == 1;
    return (List<String>) execution.getVariable(first ? DEPARTMENTS : SUPPLEMENT_DEPARTMENTS);
  }

  /** Whether the case's model reads the rounds' departments from their own variable (models deployed before). */
  static boolean modelKeepsThemApart(DelegateExecution execution) {
    ActivityImpl reviews = ((ExecutionEntity) execution).getProcessDefinition().findActivity(REVIEWS_BODY);
    return reviews != null && reviews.getActivityBehavior() instanceof MultiInstanceActivityBehavior body
        && body.getCollectionExpression() != null && body.getCollectionExpression().getExpressionText().contains(REVIEW_DEPARTMENTS);
  }
}
