package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.cases.CaseHistory;
import org.jingzhi.cases.Texts;
import org.jingzhi.deadlines.ExcludedPeriod;
import org.jingzhi.deadlines.ExcludedPeriods;
import org.jingzhi.deadlines.ExcludedTime;
import org.jingzhi.engine.AsSystem;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.organization.Organization;
import org.jingzhi.web.ConflictException;
import org.jingzhi.web.InvalidRequestException;
import org.jingzhi.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * 不计入时限 of a joint approval (行政许可法第四十五条), through the API: a reviewing department starts a hearing, test,
 * expert review or tendering with its expected length (the applicant is told in writing); its clock and the case total
 * stop, other departments' go on; when the result arrives the department ends the period and both run again with the
 * working days they had left. A review decided while a period is open ends it ({@link ReviewRecorder}).
 */
@Component
public class JointApprovalExcludedTime {

  static final int MAX_EXPECTED_DAYS = 120;
  static final int MAX_TEXT = 500;
  static final int ATTEMPTS = 3;

  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final CommandExecutor commands;
  private final ReviewsInProgress reviews;
  private final ExcludedTime excludedTime;
  private final ExcludedPeriods periods;
  private final ApplicantNotices applicant;
  private final CurrentUser currentUser;
  private final ApprovalSettings settings;
  private final Organization organization;
  private final DateTimeFormatter day;

  JointApprovalExcludedTime(ProcessEngine engine, ReviewsInProgress reviews, ExcludedTime excludedTime, ExcludedPeriods periods,
                            ApplicantNotices applicant, CurrentUser currentUser, Organization organization, CalendarProperties calendar,
                            ApprovalSettings settings) {
    this.settings = settings;
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    this.reviews = reviews;
    this.excludedTime = excludedTime;
    this.periods = periods;
    this.applicant = applicant;
    this.currentUser = currentUser;
    this.organization = organization;
    this.day = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(calendar.getZone());
  }

  public ExcludedPeriod start(String caseNumber, ExcludedTimeAsk ask) {
    ExcludedTimeAsk given = ask == null ? new ExcludedTimeAsk(null, null, null) : ask;
    ExcludedPeriod.Kind kind = ExcludedPeriod.Kind.of(given.kind() == null ? null : given.kind().trim())
        .orElseThrow(() -> new InvalidRequestException("kind 须为 " + ExcludedPeriod.Kind.choices()));
    if (given.expectedWorkingDays() == null || given.expectedWorkingDays() < 1 || given.expectedWorkingDays() > MAX_EXPECTED_DAYS) {
      throw new InvalidRequestException("expectedWorkingDays（预计所需工作日）须在 1 至 " + MAX_EXPECTED_DAYS + " 之间");
    }
    String reason = text(given.reason(), "reason（事由，将告知申请人）");
    ProcessInstance instance = runningCase(caseNumber);
    ReviewsInProgress.Review review = reviews.ofCaller(instance.getId()).orElseThrow(
        () -> new ConflictException("您所在的部门在案件 " + caseNumber + " 中没有正在进行的审查，不能启动不计入时限的程序"));
    if (review.task().getDueDate() != null && review.task().getDueDate().before(ClockUtil.getCurrentTime())) {
      throw new ConflictException("本部门的审查时限已届满，届满后不能再启动不计入时限的程序");
    }
    String user = currentUser.userId();
    return inEngine(review, from -> {
      ExcludedPeriod period = excludedTime.start(from, caseNumber, review.department(), kind, given.expectedWorkingDays(), reason, user,
          REVIEW_DUE, CASE_DUE, settings.getExcludedPeriodsPerDepartment());
      applicant.tell(from, from.getProcessInstanceId(), NoticeKind.EXCLUDED_TIME, NoticeTemplate.CASE_EXCLUDED_TIME, Map.of(
          "department", organization.shortName(review.department()), "procedure", kind.label, "reason", reason,
          "workingDays", String.valueOf(given.expectedWorkingDays()), "expectedEnd", day.format(period.expectedEnd().toInstant())));
      return period;
    });
  }

  public ExcludedPeriod end(String caseNumber, long id, ExcludedTimeResult body) {
    String result = text(body == null ? null : body.result(), "result（结果）");
    ExcludedPeriod period = periods.byId(id).filter(found -> found.caseNumber().equals(caseNumber))
        .orElseThrow(() -> new NotFoundException("案件 " + caseNumber + " 没有编号为 " + id + " 的不计入时限程序"));
    if (!currentUser.groupIds().contains(period.unit())) {
      throw new org.camunda.bpm.engine.AuthorizationException("只有启动该程序的部门可以登记其结果");
    }
    if (!period.open()) {
      throw new ConflictException("该" + period.kind().label + "已结束");
    }
    ProcessInstance instance = runningCase(caseNumber);
    ReviewsInProgress.Review review = reviews.ofCaller(instance.getId()).filter(open -> open.department().equals(period.unit()))
        .orElseThrow(() -> new ConflictException("本部门的审查已结束"));
    String user = currentUser.userId();
    return inEngine(review, from -> {
      ExcludedPeriod ended = excludedTime.end(from, period, result, user, REVIEW_DUE, CASE_DUE);
      applicant.tell(from, from.getProcessInstanceId(), NoticeKind.EXCLUDED_TIME, NoticeTemplate.CASE_EXCLUDED_TIME_ENDED, Map.of(
          "department", organization.shortName(period.unit()), "procedure", period.kind().label, "result", result));
      return ended;
    });
  }

  /**
   * Runs {@code work} in one engine transaction on the review's execution, as the platform; a clerk completing a task of the
   * case at the same moment makes it run again, and a review that ended meanwhile is a 409.
   */
  private ExcludedPeriod inEngine(ReviewsInProgress.Review review, Function<ExecutionEntity, ExcludedPeriod> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return AsSystem.call(identity, () -> commands.execute(context -> {
          ExecutionEntity from = context.getExecutionManager().findExecutionById(review.task().getExecutionId());
          if (from == null) {
            throw new ConflictException("本部门的审查已结束");
          }
          return work.apply(from);
        }));
      } catch (OptimisticLockingException e) {
        if (attempt >= ATTEMPTS) {
          throw new ConflictException("案件正在被他人办理，请稍后重试");
        }
      }
    }
  }

  private ProcessInstance runningCase(String caseNumber) {
    ProcessInstance instance = AsSystem.call(identity, () -> CaseHistory.running(history, runtime, KEY, caseNumber));
    if (instance == null) {
      throw new NotFoundException("没有办理中的受理编号为 " + caseNumber + " 的案件");
    }
    return instance;
  }

  private static String text(String value, String name) {
    String text = Texts.text(value);
    if (text == null || text.length() > MAX_TEXT) {
      throw new InvalidRequestException("请填写 " + name + "，不超过 " + MAX_TEXT + " 字");
    }
    return text;
  }
}
