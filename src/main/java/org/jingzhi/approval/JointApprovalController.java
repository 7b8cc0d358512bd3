package org.jingzhi.approval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingzhi.intake.IdempotentIntake;
import org.jingzhi.web.DemoUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "联合审批 Joint approval")
class JointApprovalController {

  /** The shape of a case number; a real one is in the answer of {@code POST /api/joint-approvals}. */
  private static final String CASE_NUMBER = "LH-20261130-000001";

  /** A person names an ID number, an organisation its credit code: never both. */
  private static final String PERSON_APPLIES = """
      {"matterType": "restaurant-opening", "projectName": "张三餐饮店开业",
       "applicant": {"name": "张三", "idNumber": "11010519491231002X", "phone": "13800138000"},
       "materials": ["营业执照申请书", "食品经营许可申请书"]}""";
  private static final String ORGANISATION_APPLIES = """
      {"matterType": "clinic-opening", "projectName": "康宁诊所设置",
       "applicant": {"name": "康宁医疗管理有限公司", "creditCode": "91350100M000100Y43", "phone": "13800138000"},
       "materials": ["设置医疗机构申请书", "选址报告"]}""";

  private static final String REVIEW_EXTENSION = """
      {"scope": "review", "reason": "需现场核查消防设施，现有时限内无法完成"}""";

  private static final String TESTING = """
      {"kind": "testing", "expectedWorkingDays": 5, "reason": "厨房排烟设施需送第三方检测"}""";
  private static final String TEST_RESULT = """
      {"result": "检测合格，报告编号 JC-2026-0815"}""";

  private final JointApprovals approvals;
  private final IdempotentIntake intake;
  private final JointApprovalExtensions extensions;
  private final JointApprovalExcludedTime excludedTime;
  private final CaseViews views;

  JointApprovalController(JointApprovals approvals, IdempotentIntake intake, JointApprovalExtensions extensions,
                          JointApprovalExcludedTime excludedTime, CaseViews views) {
    this.approvals = approvals;
    this.intake = intake;
    this.extensions = extensions;
    this.excludedTime = excludedTime;
    this.views = views;
  }

  @Operation(summary = "启动不计入时限的程序 · start time not counted in the limits",
      description = "行政许可法第四十五条：审查部门需听证（hearing）、检验检测检疫（testing）、专家评审（expert-review）或招标拍卖（tendering）时，"
          + "登记种类和预计所需工作日；书面告知申请人；本部门时限和办理总时限暂停计时（催办、超期定时器等待），其他部门照常计时。"
          + "· The department's clock and the case total stop; other departments go on; the applicant is told.")
  @ApiResponse(responseCode = "200", description = "已开始 · started")
  @ApiResponse(responseCode = "400", description = "种类不明、预计天数或事由有误 · unknown kind, bad length or no reason")
  @ApiResponse(responseCode = "404", description = "没有办理中的案件 · no such running case")
  @ApiResponse(responseCode = "409", description = "本部门没有正在进行的审查、时限已届满或已有进行中的程序 · no open review, limit passed, or one already running")
  @DemoUser("market")
  @PostMapping("/joint-approvals/{caseNumber}/excluded-periods")
  org.jingzhi.deadlines.ExcludedPeriod startExcludedTime(@PathVariable @Parameter(description = "案件编号 · case number", example = CASE_NUMBER)
      String caseNumber, @RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
          @ExampleObject(name = "检验检测 testing", value = TESTING)})) ExcludedTimeAsk ask) {
    return excludedTime.start(caseNumber, ask);
  }

  @Operation(summary = "登记结果，恢复计时 · the result arrived: the clocks run again",
      description = "启动程序的部门登记结果；本部门时限按剩余工作日自即日起继续计算，没有其他进行中的程序时办理总时限也恢复；告知申请人。"
          + "· The department's clock resumes with the working days it had left, and the total when nothing else holds it.")
  @ApiResponse(responseCode = "200", description = "已结束 · ended")
  @ApiResponse(responseCode = "400", description = "没有结果 · no result")
  @ApiResponse(responseCode = "403", description = "仅启动该程序的部门 · only the department that started it")
  @ApiResponse(responseCode = "404", description = "没有该程序 · no such period")
  @ApiResponse(responseCode = "409", description = "已结束 · ended already")
  @DemoUser("market")
  @PostMapping("/joint-approvals/{caseNumber}/excluded-periods/{id}/end")
  org.jingzhi.deadlines.ExcludedPeriod endExcludedTime(@PathVariable @Parameter(description = "案件编号 · case number", example = CASE_NUMBER)
      String caseNumber, @PathVariable @Parameter(description = "程序编号（启动时返回）· the period's id", example = "1") long id,
      @RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
          @ExampleObject(name = "结果 result", value = TEST_RESULT)})) ExcludedTimeResult result) {
    return excludedTime.end(caseNumber, id, result);
  }

  @Operation(summary = "收件：提交联合审批申请 · submit an application",
      description = "窗口（市政务服务中心）收件，生成案件编号和查询码；案件进入窗口受理。· The window submits; the case waits for acceptance.")
  @ApiResponse(responseCode = "201", description = "已收件 · submitted")
  @ApiResponse(responseCode = "400", description = "未知事项（消息列出可选事项）、申请人或材料有误 · unknown matter, invalid applicant or no materials")
  @ApiResponse(responseCode = "403", description = "仅窗口可收件 · only the service centre submits")
  @DemoUser("window")
  @PostMapping("/joint-approvals")
  @ResponseStatus(HttpStatus.CREATED)
  Submission submit(@RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
      @ExampleObject(name = "个人 a person", value = PERSON_APPLIES),
      @ExampleObject(name = "单位 an organisation", value = ORGANISATION_APPLIES)})) ApplicationRequest request,
                    @RequestHeader(name = IdempotentIntake.HEADER, required = false) @Parameter(description = "幂等键：超时或节点故障后重发同一请求"
                        + "时带上同一个键（如 UUID），得到第一次的应答，不会产生第二个案件；同一键用于不同请求返回 409。· Send the same key when you "
                        + "retry; you get the first answer, never a second case.") String idempotencyKey) {
    return intake.once(idempotencyKey, "joint-approvals", request, Submission.class, () -> approvals.submit(request));
  }

  /** Answers the case as it stands after the supplement. */
  @Operation(summary = "补正：申请人补交材料 · the applicant's supplement",
      description = "案件等待补正时，窗口登记补交的材料；要求补正的部门在剩余时限内重新审查。· Only while the case waits for a supplement.")
  @ApiResponse(responseCode = "200", description = "补正后的案件 · the case after the supplement")
  @ApiResponse(responseCode = "400", description = "没有材料 · no materials")
  @ApiResponse(responseCode = "404", description = "没有这个案件 · no such case")
  @ApiResponse(responseCode = "409", description = "案件不在等待补正或已办结 · not waiting for a supplement, or ended")
  @DemoUser("window")
  @PostMapping("/joint-approvals/{caseNumber}/supplements")
  CaseView supplement(@PathVariable @Parameter(description = "案件编号 · case number", example = CASE_NUMBER) String caseNumber, @RequestBody(required = false) SupplementRequest request) {
    approvals.supplement(caseNumber, request);
    return views.staffView(caseNumber);
  }

  @Operation(summary = "申请延期 · ask to extend a limit once",
      description = "行政许可法第四十二条：审查部门可为本部门正在进行的审查申请延期一次（scope=review，默认 10 个工作日，由本部门领导批准）；"
          + "窗口可为联合审批总时限申请延期一次（scope=case，默认 15 个工作日，由政务服务中心主任批准）。须在时限届满前提出并写明理由，"
          + "批准后到期日、催办和超期督办随之顺延，并书面告知申请人延期理由。· Once per limit, before it has passed, with a reason; "
          + "approved in Tasklist by the leadership, then due dates and timers move and the applicant is told.")
  @ApiResponse(responseCode = "200", description = "已提交，等待审批 · asked; waiting for approval")
  @ApiResponse(responseCode = "400", description = "没有理由或 scope 有误 · no reason, or unknown scope")
  @ApiResponse(responseCode = "403", description = "总时限的延期仅窗口可申请 · only the window asks for the total")
  @ApiResponse(responseCode = "404", description = "没有办理中的案件 · no such running case")
  @ApiResponse(responseCode = "409", description = "已申请过、时限已届满、本部门没有正在进行的审查或案件不在审批中 · asked before, limit passed, "
      + "no open review of yours, or not in review")
  @DemoUser("fire")
  @PostMapping("/joint-approvals/{caseNumber}/extensions")
  org.jingzhi.deadlines.Extension extend(@PathVariable @Parameter(description = "案件编号 · case number", example = CASE_NUMBER) String caseNumber,
      @RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
          @ExampleObject(name = "本部门审查 a department's review", value = REVIEW_EXTENSION)})) ExtensionAsk ask) {
    return extensions.request(caseNumber, ask == null ? new ExtensionAsk(null, null) : ask);
  }

  @Operation(summary = "案件详情 · a case as staff see it",
      description = "办过此案的单位和效能督查办可见；部门看不到其他部门的意见。· Units that worked on the case and supervision; "
          + "a department does not see other departments' opinions.")
  @ApiResponse(responseCode = "200", description = "案件 · the case")
  @ApiResponse(responseCode = "404", description = "没有这个案件，或本单位无权查看 · no such case, or not yours to see")
  @DemoUser("window")
  @GetMapping("/joint-approvals/{caseNumber}")
  CaseView staffView(@PathVariable @Parameter(description = "案件编号 · case number", example = CASE_NUMBER) String caseNumber) {
    return views.staffView(caseNumber);
  }

  @Operation(summary = "办件查询（公众）· the applicant's view, with the query code",
      description = "无需登录；凭收件时给出的查询码查看进度与时限，个人信息脱敏。· No login; progress and due dates, personal data masked.")
  @SecurityRequirements
  @ApiResponse(responseCode = "200", description = "案件进度 · progress")
  @ApiResponse(responseCode = "404", description = "案件编号或查询码不对 · unknown case or wrong query code")
  @ApiResponse(responseCode = "429", description = "查询过于频繁 · too many look-ups from this address")
  @GetMapping("/public/cases/{caseNumber}")
  PublicCaseView publicView(@PathVariable @Parameter(description = "案件编号 · case number", example = CASE_NUMBER) String caseNumber,
                            @RequestParam(required = false) @Parameter(description = "查询码 · query code", required = true) String queryCode) {
    return views.publicView(caseNumber, queryCode);
  }
}
