package org.jingzhi.escalation;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jingzhi.cases.Texts;

/** The body of {@code POST /api/events}. */
@Schema(description = "诉求或网格事件 · a citizen request or grid report")
public record EventRequest(
    @Schema(description = "类别，见 GET /api/catalogue/event-categories · category", example = "noise", requiredMode = REQUIRED)
    String category,
    @Schema(description = "诉求内容（至多 4000 字）· what happened", example = "夜间施工噪声扰民", requiredMode = REQUIRED)
    String description,
    @Schema(description = "发生地所在社区的代码，见 GET /api/catalogue/units?type=community · community code",
        example = "990101001001", requiredMode = REQUIRED) String communityCode,
    @Schema(description = "地址 · address", example = "柳岸社区 3 号楼") String address,
    Reporter reporter,
    @Schema(description = "来源渠道 · channel", example = "hotline", requiredMode = REQUIRED)
    String channel,
    @Schema(description = "紧急：按小时计时 · urgent: limits in clock hours", example = "false") Boolean urgent) {

  @Schema(description = "反映人 · who reported it")
  public record Reporter(@Schema(description = "姓名 · name", example = "李四") String name,
                         @Schema(description = "电话 · phone", example = "13900139000") String phone) {
  }

  EventReport toReport() {
    Reporter person = reporter == null ? new Reporter(null, null) : reporter;
    return new EventReport(Texts.text(category), Texts.text(description), Texts.text(communityCode),
        Texts.text(address), Texts.text(person.name()), Texts.text(person.phone()), Texts.text(channel),
        Boolean.TRUE.equals(urgent));
  }
}
