package org.jingzhi.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/events")
@Tag(name = "四级联动 Escalation chain")
class EventController {

  private static final String EXTENSION = """
      {"reason": "需协调产权单位共同整改，本级时限内无法完成", "workingDays": 5}""";

  private final Events events;
  private final IdempotentIntake intake;
  private final EventExtensions extensions;
  private final EventViews views;

  EventController(Events events, IdempotentIntake intake, EventExtensions extensions, EventViews views) {
    this.events = events;
    this.intake = intake;
    this.extensions = extensions;
    this.views = views;
  }

  @Operation(summary = "申请延期 · ask to extend the current level's limit once",
      description = "当前承办单位可在本级时限届满前申请延期一次，写明理由：非紧急事件按工作日（workingDays，默认且至多 10），紧急事件按小时"
          + "（hours，默认且至多 24）；由 12345 热线在 Tasklist 批准或不批准。批准的延期按时办结计入按时率；不批准或未审批的，时限不变。"
          + "· Once per level, before the limit, with a reason; the hotline approves in Tasklist.")
  @ApiResponse(responseCode = "200", description = "已提交，等待审批 · asked; waiting for approval")
  @ApiResponse(responseCode = "400", description = "没有理由或长度有误 · no reason, or a bad length")
  @ApiResponse(responseCode = "403", description = "仅当前承办单位 · only the unit holding the event")
  @ApiResponse(responseCode = "404", description = "没有办理中的事件 · no such running event")
  @ApiResponse(responseCode = "409", description = "本级已申请过、时限已届满或没有待处置的任务 · asked before at this level, limit passed, or not being handled")
  @DemoUser("liuan")
  @PostMapping("/{eventNumber}/extensions")
  org.jingzhi.deadlines.Extension extend(@PathVariable @Parameter(description = "事件编号 · event number", example = "SJ-20261130-000001")
      String eventNumber, @RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
          examples = @ExampleObject(name = "工作日 working days", value = EXTENSION))) EventExtensionAsk ask) {
    return extensions.request(eventNumber, ask);
  }

  @Operation(summary = "受理诉求或网格事件 · report an event",
      description = "12345 热线、社区网格员或窗口登记；事件从目录规定的层级开始处置。· The event starts at its category's level.")
  @ApiResponse(responseCode = "201", description = "已登记 · registered")
  @ApiResponse(responseCode = "400", description = "未知类别或社区（消息列出可选值）、内容为空或过长、渠道或电话有误 · invalid report")
  @ApiResponse(responseCode = "403", description = "本单位不能登记事件 · this unit does not report events")
  @DemoUser("hotline")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ReportedEvent report(@RequestBody(required = false) EventRequest request,
                       @RequestHeader(name = IdempotentIntake.HEADER, required = false) @Parameter(description = "幂等键：重发同一请求时带上同一个键，"
                           + "得到第一次的应答，不会登记第二个事件；同一键用于不同请求返回 409。· Retry with the same key: the first answer, never a "
                           + "second event.") String idempotencyKey) {
    return intake.once(idempotencyKey, "events", request, ReportedEvent.class, () -> events.report(request));
  }

  @Operation(summary = "事件详情 · an event as staff see it",
      description = "登记和处置过此事件的单位及效能督查办可见：当前层级、时限、经过的每一级、吹哨报到、超时与回访。"
          + "· The reporting unit, the units that handled it and supervision.")
  @ApiResponse(responseCode = "200", description = "事件 · the event")
  @ApiResponse(responseCode = "404", description = "没有这个事件，或本单位无权查看 · no such event, or not yours to see")
  @DemoUser("hotline")
  @GetMapping("/{eventNumber}")
  EventView view(@PathVariable @Parameter(description = "事件编号（登记时返回）· event number, from the report's answer",
      example = "SJ-20261130-000001") String eventNumber) {
    return views.view(eventNumber);
  }
}
