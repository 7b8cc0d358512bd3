package org.jingzhi.deadlines;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * 顺延时限: an approved extension moves its clock ({@code extensionClock}: reviewDue, caseDue, levelDue) by the working days
 * or hours asked, with the due dates, reminders and overdue timers that follow it.
 */
@Component("applyExtension")
class ApplyExtension implements JavaDelegate {

  private final Extensions extensions;
  private final ClockAdjustments adjustments;

  ApplyExtension(Extensions extensions, ClockAdjustments adjustments) {
    this.extensions = extensions;
    this.adjustments = adjustments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Extension extension = extensions.latest(execution.getProcessInstanceId(), (String) execution.getVariable("extensionScope"),
        (String) execution.getVariable("extensionUnit"))
        .filter(found -> Extension.APPROVED.equals(found.status()) && found.newDue() == null)
        .orElseThrow(() -> new IllegalStateException("No approved extension left to apply in " + execution.getProcessInstanceId()));
    String clock = (String) execution.getVariable("extensionClock");
    ExecutionEntity from = (ExecutionEntity) execution;
    Date old = adjustments.due(from, clock);
    String cause = "批准延期 " + extension.length() + "（" + extension.requestedBy() + " 申请，理由：" + extension.reason() + "）";
    Date due = extension.hours() != null
        ? adjustments.extendHours(from, clock, extension.hours(), cause, extension.decidedBy())
        : adjustments.extendWorkingDays(from, clock, extension.workingDays(), cause, extension.decidedBy());
    extensions.applied(extension, old, due);
  }
}
