package org.jingzhi.notice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.jingzhi.notice.Notice.Status;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.organization.Organization;
import org.jingzhi.web.ConflictException;
import org.jingzhi.web.DemoUser;
import org.jingzhi.web.InvalidRequestException;
import org.jingzhi.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notices")
@Tag(name = "通知 Notices")
class NoticeController {

  private final UnitInbox inbox;
  private final UndeliveredNotices undelivered;
  private final CurrentUser currentUser;
  private final Organization organization;

  NoticeController(UnitInbox inbox, UndeliveredNotices undelivered, CurrentUser currentUser, Organization organization) {
    this.inbox = inbox;
    this.undelivered = undelivered;
    this.currentUser = currentUser;
    this.organization = organization;
  }

  @Operation(summary = "本单位的通知 · my units' notices (reminders, supervision, summons), newest first",
      description = "Pages go back in time: pass the smallest id of a page as `before` for the next. An administrator names any unit.")
  @ApiResponse(responseCode = "200", description = "通知，最新的在前 · the notices, newest first")
  @ApiResponse(responseCode = "403", description = "不是本单位 · not one of your units")
  @DemoUser("supervisor")
  @GetMapping
  List<UnitInbox.Entry> list(@RequestParam(required = false) @Parameter(description = "只看此单位 · only this unit", example = "supervision") String unit,
                             @RequestParam(defaultValue = "false") @Parameter(description = "只看未读 · only unread") boolean unread,
                             @RequestParam(required = false) @Parameter(description = "早于此编号 · older than this id") Long before,
                             @RequestParam(defaultValue = "50") @Parameter(description = "条数，至多 200 · how many, at most 200") int size) {
    if (size < 1 || size > UnitInbox.MAX_PAGE) {
      throw new InvalidRequestException("size 须在 1 到 " + UnitInbox.MAX_PAGE + " 之间");
    }
    return inbox.list(units(unit), unread, before, size);
  }

  @Operation(summary = "未读通知数 · unread notices per unit")
  @ApiResponse(responseCode = "200", description = "各单位未读数及合计 · unread per unit and in all")
  @DemoUser("supervisor")
  @GetMapping("/unread")
  UnitInbox.Unread unread(@RequestParam(required = false) @Parameter(description = "只看此单位 · only this unit") String unit) {
    return inbox.unread(units(unit));
  }

  @Operation(summary = "标为已读 · mark a notice read (for the whole unit)")
  @ApiResponse(responseCode = "204", description = "已读 · read")
  @ApiResponse(responseCode = "404", description = "本单位没有此通知 · no such notice of your units")
  @DemoUser("supervisor")
  @PostMapping("/{id}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void read(@PathVariable long id) {
    String unit = inbox.unitOf(id);
    if (unit == null || !(currentUser.isAdministrator() || myUnits().contains(unit))) {
      throw new NotFoundException("本单位没有编号为 " + id + " 的通知");
    }
    inbox.markRead(id, currentUser.userId());
  }

  @Operation(summary = "未送达的通知 · notices that did not reach their recipient (supervision office and administrators)",
      description = "`GIVEN_UP`: no more attempts; `FAILED`: being tried again at `nextAttemptAt`. Recipients are masked.")
  @ApiResponse(responseCode = "200", description = "最新的在前 · newest first")
  @ApiResponse(responseCode = "403", description = "仅效能督查办和管理员 · supervision office and administrators only")
  @DemoUser("supervisor")
  @GetMapping("/undelivered")
  List<UndeliveredNotices.Entry> undelivered(@RequestParam(defaultValue = "GIVEN_UP") @Parameter(description = "GIVEN_UP | FAILED") String status,
                                             @RequestParam(defaultValue = "100") int size) {
    requireOverseer();
    Status wanted = switch (status) {
      case "GIVEN_UP" -> Status.GIVEN_UP;
      case "FAILED" -> Status.FAILED;
      default -> throw new InvalidRequestException("status 须为 GIVEN_UP 或 FAILED");
    };
    return undelivered.list(wanted, size);
  }

  @Operation(summary = "重新发送 · put an undelivered notice back in the queue with a fresh set of attempts")
  @ApiResponse(responseCode = "200", description = "已重新排队 · queued again")
  @ApiResponse(responseCode = "403", description = "仅效能督查办和管理员 · supervision office and administrators only")
  @ApiResponse(responseCode = "404", description = "没有此通知 · no such notice")
  @ApiResponse(responseCode = "409", description = "已送达、正在发送或没有联系方式 · delivered, being delivered, or no address to send to")
  @DemoUser("supervisor")
  @PostMapping("/{id}/retry")
  UndeliveredNotices.Entry retry(@PathVariable long id) {
    requireOverseer();
    switch (undelivered.retry(id, currentUser.userId())) {
      case NOT_FOUND -> throw new NotFoundException("没有编号为 " + id + " 的通知");
      case NOT_UNDELIVERED -> throw new ConflictException("该通知已送达或正在发送");
      case NO_ADDRESS -> throw new ConflictException("该通知没有可发送的地址（平台内通知或未留联系方式）");
      case RETRIED -> { }
    }
    return undelivered.find(id).orElseThrow();
  }

  private void requireOverseer() {
    if (!currentUser.readsEverything()) {
      throw new AuthorizationException("未送达的通知只对效能督查办和管理员开放");
    }
  }

  private Set<String> units(String unit) {
    Set<String> mine = myUnits();
    if (unit == null || unit.isBlank()) {
      return mine;
    }
    if (!mine.contains(unit) && !(currentUser.isAdministrator() && organization.find(unit).isPresent())) {
      throw new AuthorizationException("只能查看本单位的通知");
    }
    return Set.of(unit);
  }

  private Set<String> myUnits() {
    Set<String> units = new TreeSet<>();
    currentUser.groupIds().stream().filter(group -> organization.find(group).isPresent()).forEach(units::add);
    return units;
  }
}
