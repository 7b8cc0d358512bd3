package org.jingzhi.returnvisit;

import static org.jingzhi.escalation.EscalationProcess.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.cases.PersonalData;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.Unit;
import org.jingzhi.web.ConflictException;
import org.jingzhi.web.GoneException;
import org.jingzhi.web.InvalidRequestException;
import org.jingzhi.web.NotFoundException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reporter's own return visit, behind the link of the SMS (no login: the single-use token is the key). The answer
 * completes the hotline's return-visit task with the variables its form sets, so the process, its rules (重办 when
 * unsatisfied) and the rates take it exactly as an operator's; a used, expired or already phoned visit changes nothing.
 */
@RestController
@RequestMapping("/api/public/return-visits")
@Tag(name = "市民回访 Citizen return visit")
class ReturnVisitController {

  static final int MAX_COMMENT = 500;
  private static final Set<String> RESOLVED_ANSWERS = Set.of("yes", "no");
  private static final Set<String> SATISFACTION_ANSWERS = Set.of("satisfied", "basicallySatisfied", "unsatisfied");
  private static final int ATTEMPTS = 3;

  private final VisitTokens tokens;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final Organization organization;
  private final TransactionTemplate transaction;

  ReturnVisitController(VisitTokens tokens, TaskService tasks, RuntimeService runtime, HistoryService history, Organization organization,
                        PlatformTransactionManager transactions) {
    this.tokens = tokens;
    this.tasks = tasks;
    this.runtime = runtime;
    this.history = history;
    this.organization = organization;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Operation(summary = "回访页面的内容 · the event and its result, for the reporter holding the link")
  @ApiResponse(responseCode = "200", description = "可以评价 · open for an answer")
  @ApiResponse(responseCode = "404", description = "链接无效 · no such link")
  @ApiResponse(responseCode = "410", description = "已评价、已过期或热线已回访 · answered, expired, or the hotline has phoned")
  @SecurityRequirements
  @ApiResponse(responseCode = "429", description = "请求过于频繁 · too many requests from this address")
  @GetMapping("/{token}")
  VisitView view(@PathVariable @Parameter(description = "短信链接 # 之后的部分 · the link's part after #") String token) {
    VisitTokens.Token visit = open(token, ClockUtil.getCurrentTime());
    Map<String, Object> variables = runtime.getVariables(visit.processInstanceId(),
        List.of(CATEGORY_NAME, COMMUNITY_CODE, NOTE, REPORTER_NAME, REPORTER_PHONE));
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(visit.processInstanceId()).singleResult();
    String community = organization.find(String.valueOf(variables.get(COMMUNITY_CODE))).map(Unit::name).orElse(null);
    return new VisitView(visit.eventNumber(), (String) variables.get(CATEGORY_NAME), community, instance == null ? null : instance.getStartTime(),
        visit.createdAt(), (String) variables.get(NOTE), PersonalData.maskName((String) variables.get(REPORTER_NAME)),
        PersonalData.maskPhone((String) variables.get(REPORTER_PHONE)), visit.expiresAt());
  }

  @Operation(summary = "提交评价 · answer: resolved yes/no, satisfaction, an optional comment; completes the hotline's return visit")
  @ApiResponse(responseCode = "200", description = "已记录 · recorded")
  @ApiResponse(responseCode = "400", description = "回答不完整 · answer incomplete or too long")
  @ApiResponse(responseCode = "404", description = "链接无效 · no such link")
  @ApiResponse(responseCode = "410", description = "已评价、已过期或热线已回访 · answered, expired, or the hotline has phoned")
  @SecurityRequirements
  @ApiResponse(responseCode = "429", description = "请求过于频繁 · too many requests from this address")
  @PostMapping("/{token}")
  Map<String, String> answer(@PathVariable @Parameter(description = "短信链接 # 之后的部分 · the link's part after #") String token, @RequestBody(required = false) VisitAnswer answer) {
    Map<String, Object> variables = variables(answer);
    for (int attempt = 1; ; attempt++) {
      try {
        transaction.executeWithoutResult(status -> complete(token, variables));
        return Map.of("message", "感谢您的评价！");
      } catch (OptimisticLockingException e) {
        if (attempt >= ATTEMPTS) {
          throw new ConflictException("系统繁忙，请稍后再提交");
        }
      }
    }
  }

  private void complete(String token, Map<String, Object> variables) {
    Date now = ClockUtil.getCurrentTime();
    VisitTokens.Token visit = open(token, now);
    if (!tokens.use(token, now)) {
      throw new GoneException("您已评价过，感谢您的反馈");
    }
    tasks.complete(visit.taskId(), variables);
  }

  /** The token's visit while it can still be answered; otherwise the reason, in Chinese, as 404 or 410. */
  private VisitTokens.Token open(String token, Date now) {
    VisitTokens.Token visit = tokens.find(token).orElseThrow(() -> new NotFoundException("链接无效，请核对短信中的链接"));
    if (visit.usedAt() != null) {
      throw new GoneException("您已评价过，感谢您的反馈");
    }
    if (visit.expired(now)) {
      throw new GoneException("评价链接已过期，热线工作人员将电话回访您");
    }
    Task task = tasks.createTaskQuery().taskId(visit.taskId()).singleResult();
    if (task == null) {
      throw new GoneException("热线工作人员已回访，无需再评价，感谢您的反馈");
    }
    return visit;
  }

  /** The variables the hotline's form sets; its own rules (the form's and {@code returnVisitCheck}) still judge them. */
  private static Map<String, Object> variables(VisitAnswer answer) {
    if (answer == null || answer.resolved() == null || !RESOLVED_ANSWERS.contains(answer.resolved())) {
      throw new InvalidRequestException("请选择问题是否已解决");
    }
    if (answer.satisfaction() == null || !SATISFACTION_ANSWERS.contains(answer.satisfaction())) {
      throw new InvalidRequestException("请选择满意、基本满意或不满意");
    }
    String comment = answer.comment() == null ? "" : answer.comment().strip();
    if (comment.length() > MAX_COMMENT) {
      throw new InvalidRequestException("意见不超过 " + MAX_COMMENT + " 字");
    }
    return Map.of(SATISFACTION, answer.satisfaction(), RESOLVED, answer.resolved(),
        "visitNote", "市民通过短信链接评价" + (comment.isEmpty() ? "" : "：" + comment));
  }
}
