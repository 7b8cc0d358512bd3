package org.jingzhi.deadlines;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.jingzhi.cases.Texts;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.organization.Organization;
import org.springframework.stereotype.Component;

/**
 * The approval task of an extension ({@code extension-approval.form}): shows the request when the task is created, records
 * the decision when it is completed (nobody approves their own request), and marks the request lapsed when the task is
 * deleted because the work ended first. The task names its limit with {@code extensionScope} and {@code extensionUnit}.
 */
@Component("extensionApproval")
class ExtensionApproval implements TaskListener {

  static final String APPROVED = "approved";

  private final Extensions extensions;
  private final Organization organization;

  ExtensionApproval(Extensions extensions, Organization organization) {
    this.extensions = extensions;
    this.organization = organization;
  }

  @Override
  public void notify(DelegateTask task) {
    Extension extension = extensions.latest(task.getProcessInstanceId(), (String) task.getVariable("extensionScope"),
        (String) task.getVariable("extensionUnit")).orElseThrow(() -> new IllegalStateException("No extension request for task " + task.getId()));
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        if (!Extension.REQUESTED.equals(extension.status())) {
          throw new IllegalStateException("The extension request " + extension.id() + " was decided already (" + extension.status() + ")");
        }
        show(task, extension);
      }
      case EVENTNAME_COMPLETE -> decide(task, extension);
      case EVENTNAME_DELETE -> extensions.lapsed(extension);
      default -> { }
    }
  }

  private void show(DelegateTask task, Extension extension) {
    task.setVariableLocal("extensionSubject", subject(extension));
    task.setVariableLocal("extensionLength", extension.length());
    task.setVariableLocal("extensionRequestedBy", extension.requestedBy());
    task.setVariableLocal("extensionReason", extension.reason());
  }

  private void decide(DelegateTask task, Extension extension) {
    String approver = approver(task);
    if (approver != null && approver.equals(extension.requestedBy())) {
      throw new RefusedInputException("不能审批本人提出的延期申请，请由其他领导审批");
    }
    boolean approved = APPROVED.equals(task.getVariable("extensionDecision"));
    extensions.decided(extension, approved ? Extension.APPROVED : Extension.REFUSED, approver, Texts.text(task.getVariable("extensionOpinion")));
  }

  private String subject(Extension extension) {
    return switch (extension.scope()) {
      case Extension.REVIEW -> organization.shortName(extension.unit()) + "审查时限";
      case Extension.CASE -> "联合审批总时限";
      default -> organization.shortName(extension.unit()) + "处置时限";
    };
  }

  private static String approver(DelegateTask task) {
    Authentication user = Context.getCommandContext().getAuthentication();
    return user != null && user.getUserId() != null ? user.getUserId() : task.getAssignee();
  }
}
