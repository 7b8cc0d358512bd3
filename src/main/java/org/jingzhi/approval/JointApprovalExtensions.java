package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.cases.CaseHistory;
import org.jingzhi.cases.Texts;
import org.jingzhi.deadlines.Extension;
import org.jingzhi.deadlines.ExtensionRequest;
import org.jingzhi.deadlines.Extensions;
import org.jingzhi.engine.AsSystem;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.UnitType;
import org.jingzhi.web.ConflictException;
import org.jingzhi.web.InvalidRequestException;
import org.jingzhi.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * 延期 of a joint approval (行政许可法第四十二条), asked through the API: a department for its own open review
 * ({@code jingzhi.approval.review-extension-working-days}, approved by its leadership), the window for the case total
 * ({@code case-extension-working-days}, approved by the service centre's director). Once each, before the limit has passed.
 */
@Component
public class JointApprovalExtensions {

  static final int MAX_REASON = 500;
  static final String REVIEW_MESSAGE = "ReviewExtensionRequested";
  static final String CASE_MESSAGE = "CaseExtensionRequested";
  private static final String SERVICE_CENTER = "service-center";

  private final RuntimeService runtime;
  private final HistoryService history;
  private final ReviewsInProgress reviews;
  private final IdentityService identity;
  private final Extensions extensions;
  private final CurrentUser currentUser;
  private final Organization organization;
  private final ApprovalSettings settings;

  JointApprovalExtensions(ProcessEngine engine, ReviewsInProgress reviews, Extensions extensions, CurrentUser currentUser,
                          Organization organization, ApprovalSettings settings) {
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.reviews = reviews;
    this.identity = engine.getIdentityService();
    this.extensions = extensions;
    this.currentUser = currentUser;
    this.organization = organization;
    this.settings = settings;
  }

  public Extension request(String caseNumber, ExtensionAsk ask) {
    String reason = reason(ask);
    boolean forCase = ask.scope() != null && "case".equals(ask.scope().trim());
    if (ask.scope() != null && !forCase && !"review".equals(ask.scope().trim())) {
      throw new InvalidRequestException("scope 须为 review（本部门审查时限）或 case（联合审批总时限）");
    }
    ProcessInstance instance = AsSystem.call(identity, () -> CaseHistory.running(history, runtime, KEY, caseNumber));
    if (instance == null) {
      throw new NotFoundException("没有办理中的受理编号为 " + caseNumber + " 的案件");
    }
    return forCase ? caseExtension(caseNumber, instance, reason) : reviewExtension(caseNumber, instance, reason);
  }

  private Extension reviewExtension(String caseNumber, ProcessInstance instance, String reason) {
    ReviewsInProgress.Review open = reviews.ofCaller(instance.getId()).orElseThrow(
        () -> new ConflictException("您所在的部门在案件 " + caseNumber + " 中没有正在进行的审查，不能申请延期"));
    Task review = open.task();
    String department = open.department();
    requireLeadership(department);
    requireNotPassed(review.getDueDate(), "本部门的审查时限");
    return extensions.submit(ExtensionRequest.ofWorkingDays(caseNumber, instance.getId(), Extension.REVIEW, department,
        settings.getReviewExtensionWorkingDays(), reason, currentUser.userId()), REVIEW_MESSAGE, review.getExecutionId());
  }

  private Extension caseExtension(String caseNumber, ProcessInstance instance, String reason) {
    if (!currentUser.worksIn(UnitType.SERVICE_CENTER)) {
      throw new org.camunda.bpm.engine.AuthorizationException("联合审批总时限的延期由窗口（政务服务中心）申请");
    }
    EventSubscription waiting = AsSystem.call(identity, () -> runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventName(CASE_MESSAGE).singleResult());
    if (waiting == null) {
      throw new ConflictException("案件 " + caseNumber + " 不在并联审批中（受理后、出件前且未等待补正），不能申请延长总时限");
    }
    requireLeadership(SERVICE_CENTER);
    requireNotPassed((Date) AsSystem.call(identity, () -> runtime.getVariable(instance.getId(), CASE_DUE)), "办理总时限");
    return extensions.submit(ExtensionRequest.ofWorkingDays(caseNumber, instance.getId(), Extension.CASE, SERVICE_CENTER,
        settings.getCaseExtensionWorkingDays(), reason, currentUser.userId()), CASE_MESSAGE, waiting.getExecutionId());
  }

  private void requireLeadership(String unit) {
    if (organization.leadershipOf(unit).isEmpty()) {
      throw new ConflictException("组织架构中没有" + organization.shortName(unit) + "的单位领导（type: leadership），无人可以审批延期");
    }
  }

  private static void requireNotPassed(Date due, String limit) {
    if (due != null && due.before(ClockUtil.getCurrentTime())) {
      throw new ConflictException(limit + "已届满，届满后不能再申请延期");
    }
  }

  private static String reason(ExtensionAsk ask) {
    String reason = ask == null ? null : Texts.text(ask.reason());
    if (reason == null) {
      throw new InvalidRequestException("请填写延期理由 reason（将告知申请人）");
    }
    if (reason.length() > MAX_REASON) {
      throw new InvalidRequestException("延期理由不超过 " + MAX_REASON + " 字");
    }
    return reason;
  }
}
