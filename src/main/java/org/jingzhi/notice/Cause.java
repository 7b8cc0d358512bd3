package org.jingzhi.notice;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a notice is about (the process instance and its case or event number) and its idempotency key: the step that
 * tells it once ({@link #once}: looked up before it is told again) or a fresh key for each telling ({@link #of}: nothing to
 * look up). The key, with the channel, is unique in
 * {@code jz_notice} and goes to the SMS gateway as the message's own id.
 */
public record Cause(String processInstanceId, String caseNumber, String key, boolean once) {

  public static Cause of(String processInstanceId, String caseNumber) {
    return new Cause(processInstanceId, caseNumber, UUID.randomUUID().toString(), false);
  }

  public static Cause of(DelegateExecution step, String caseNumber) {
    return of(step.getProcessInstanceId(), caseNumber);
  }

  /**
   * The step's own key: the activity instance it runs in, the step, what and to whom. A step run again (its timer's job
   * executed twice) finds its notice by it and tells nothing; two at the same moment are refused by the database.
   */
  public static Cause once(DelegateExecution step, String caseNumber, NoticeKind kind, String recipient) {
    return new Cause(step.getProcessInstanceId(), caseNumber,
        kind.name() + ":" + step.getParentActivityInstanceId() + ":" + step.getCurrentActivityId() + ":" + recipient, true);
  }
}
