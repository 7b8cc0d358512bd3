package org.jingzhi.approval;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of {@code POST /api/joint-approvals/{caseNumber}/supplements}. */
@Schema(description = "补正材料 · the materials of a supplement")
public record SupplementRequest(
    @Schema(description = "补交的材料 · materials handed in", example = "[\"消防设计图纸\"]", requiredMode = REQUIRED) List<String> materials,
    @Schema(description = "说明 · note", example = "已按一次性告知补齐") String note) {
}
