package org.jingzhi.responsibility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.jingzhi.calendar.Period;
import org.jingzhi.cases.Texts;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.organization.UnitType;
import org.jingzhi.web.DemoUser;
import org.jingzhi.web.InvalidRequestException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/precedents}: the adjudication group lists, searches, revokes and supersedes precedents (案例); the
 * supervision office, the command centre and administrators read them. Everyone else gets 403.
 */
@RestController
@RequestMapping("/api/precedents")
@Tag(name = "裁定案例 Precedents")
class PrecedentController {

  static final int MAX_TEXT = 2000;
  static final String REVOCATION = """
      {"reason": "权责清单已修订，本案例不再适用"}""";
  static final String SUCCESSION = """
      {"category": "illegal-construction", "keywords": ["阳光房"], "location": "990101001000", "owner": "street",
       "ruling": "楼顶加建阳光房先由街道综合执法队查处", "reason": "执法权限下放街道"}""";

  /** A precedent with its changes, as the API answers. */
  record PrecedentView(Precedent precedent, List<Precedent.Change> changes) {
  }

  record Revocation(String reason) {
  }

  /** The successor of a precedent: its rule, the ruling text, and why the old one is replaced. */
  record Succession(String category, List<String> keywords, String location, String channel, String owner, String ruling, String reason) {
  }

  record Superseded(String superseded, String number) {
  }

  private final Precedents precedents;
  private final PrecedentRules rules;
  private final AdjudicationMeasures measures;
  private final CurrentUser currentUser;
  private final IdentityService identity;

  PrecedentController(Precedents precedents, PrecedentRules rules, AdjudicationMeasures measures, CurrentUser currentUser,
                      IdentityService identity) {
    this.precedents = precedents;
    this.rules = rules;
    this.measures = measures;
    this.currentUser = currentUser;
    this.identity = identity;
  }

  @Operation(summary = "职责争议与案例制的成效 · disputes, time to ruling, events routed by precedent",
      description = "期间内提请的裁定（按退单、职责争议）、已裁定数和用时（小时）、逾期陈述、按裁定案例派单的事件、新形成的案例。")
  @ApiResponse(responseCode = "200", description = "统计 · the measures")
  @ApiResponse(responseCode = "400", description = "日期有误或区间超过 " + Period.MAX_DAYS + " 天 · bad period")
  @ApiResponse(responseCode = "403", description = "仅裁定小组、效能督查办、指挥中心和管理员 · adjudication, supervision, command centre, administrators")
  @DemoUser("supervisor")
  @GetMapping("/measures")
  AdjudicationMeasures.Measures measures(@RequestParam(required = false) @Parameter(description = "起 · from (yyyy-MM-dd)", required = true,
                                             example = "2026-11-01") String from,
                                         @RequestParam(required = false) @Parameter(description = "止 · to (yyyy-MM-dd)", required = true,
                                             example = "2026-11-30") String to) {
    requireReader();
    return measures.of(Period.of(from, to));
  }

  @Operation(summary = "裁定案例 · precedents", description = "按类别、状态（IN_FORCE、REVOKED、SUPERSEDED）和文字（裁定理由或关键词）查找，新的在前。")
  @ApiResponse(responseCode = "200", description = "案例 · the precedents")
  @ApiResponse(responseCode = "403", description = "仅裁定小组、效能督查办、指挥中心和管理员 · adjudication, supervision, command centre, administrators")
  @DemoUser("adjudicator")
  @GetMapping
  List<Precedent> search(@RequestParam(required = false) @Parameter(description = "事件类别 · category") String category,
                         @RequestParam(required = false) @Parameter(description = "状态 · status") String status,
                         @RequestParam(required = false) @Parameter(description = "文字 · text") String q) {
    requireReader();
    return precedents.search(Texts.text(category), status(status), Texts.text(q));
  }

  @Operation(summary = "一个裁定案例及其变更记录 · one precedent and its changes")
  @ApiResponse(responseCode = "200", description = "案例 · the precedent")
  @ApiResponse(responseCode = "404", description = "没有此编号 · unknown number")
  @DemoUser("adjudicator")
  @GetMapping("/{number}")
  PrecedentView get(@PathVariable @Parameter(description = "案例编号 · precedent number", example = "CA-2026-0001") String number) {
    requireReader();
    return new PrecedentView(precedents.get(number), precedents.changes(number));
  }

  @Operation(summary = "撤销裁定案例 · revoke a precedent", description = "须说明理由；撤销后不再用于派单。")
  @ApiResponse(responseCode = "200", description = "已撤销 · revoked")
  @ApiResponse(responseCode = "400", description = "无理由，或案例已撤销、已被取代 · no reason, or not in force")
  @ApiResponse(responseCode = "404", description = "没有此编号 · unknown number")
  @DemoUser("adjudicator")
  @PostMapping("/{number}/revoke")
  @Transactional
  PrecedentView revoke(@PathVariable @Parameter(description = "案例编号 · precedent number", example = "CA-2026-0001") String number,
                       @RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
                           @ExampleObject(name = "撤销 revoke", value = REVOCATION))) Revocation revocation) {
    requireManager();
    precedents.revoke(number, reason(revocation == null ? null : revocation.reason()), user());
    return get(number);
  }

  @Operation(summary = "以新案例取代 · supersede a precedent", description = "新案例的条件和责任单位同裁定时的规则；旧案例标为被取代。")
  @ApiResponse(responseCode = "200", description = "旧案例和新案例编号 · the old and the new number")
  @ApiResponse(responseCode = "400", description = "规则无效（无条件、未知单位等）或无理由 · bad rule or no reason")
  @ApiResponse(responseCode = "404", description = "没有此编号 · unknown number")
  @DemoUser("adjudicator")
  @PostMapping("/{number}/supersede")
  @Transactional
  Superseded supersede(@PathVariable @Parameter(description = "案例编号 · precedent number", example = "CA-2026-0001") String number,
                       @RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
                           @ExampleObject(name = "改由街道查处 to the street", value = SUCCESSION))) Succession succession) {
    requireManager();
    if (succession == null) {
      throw new InvalidRequestException("请提供新案例：category、keywords、location、channel、owner、ruling 和 reason");
    }
    precedents.get(number);
    PrecedentRule rule = rules.checked(succession.category(), succession.keywords(), succession.location(), succession.channel(),
        succession.owner());
    String ruling = Texts.text(succession.ruling());
    if (ruling == null || ruling.length() > MAX_TEXT) {
      throw new InvalidRequestException("新案例须有裁定理由（ruling，不超过 " + MAX_TEXT + " 字）");
    }
    return new Superseded(number, precedents.supersede(number, rule, ruling, reason(succession.reason()), user()));
  }

  private static String reason(String reason) {
    String text = Texts.text(reason);
    if (text == null || text.length() > MAX_TEXT) {
      throw new InvalidRequestException("请说明理由（reason，不超过 " + MAX_TEXT + " 字）");
    }
    return text;
  }

  private static Precedent.Status status(String status) {
    String text = Texts.text(status);
    if (text == null) {
      return null;
    }
    return Arrays.stream(Precedent.Status.values()).filter(value -> value.name().equals(text)).findFirst()
        .orElseThrow(() -> new InvalidRequestException("status 须为 IN_FORCE、REVOKED 或 SUPERSEDED，收到：" + status));
  }

  private String user() {
    return identity.getCurrentAuthentication().getUserId();
  }

  private void requireManager() {
    if (!currentUser.isAdministrator() && !currentUser.worksIn(UnitType.ADJUDICATION)) {
      throw new AuthorizationException("裁定案例只由疑难诉求裁定小组和管理员变更");
    }
  }

  private void requireReader() {
    if (!currentUser.oversees() && !currentUser.worksIn(UnitType.ADJUDICATION)) {
      throw new AuthorizationException("裁定案例只对裁定小组、效能督查办、市城市运行指挥中心和管理员开放");
    }
  }
}
