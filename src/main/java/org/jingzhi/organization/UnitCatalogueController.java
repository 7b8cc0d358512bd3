package org.jingzhi.organization;

import java.util.Arrays;
import java.util.List;
import org.jingzhi.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingzhi.web.DemoUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/catalogue/units?type=community}: the units of the org tree, e.g. the community codes events name. */
@RestController
@Tag(name = "目录 Catalogues")
class UnitCatalogueController {

  record UnitEntry(String code, String id, String name, String type, String parentCode) {
  }

  private final Organization organization;

  UnitCatalogueController(Organization organization) {
    this.organization = organization;
  }

  @Operation(summary = "单位 · units of the org tree", description = "组织树中的单位，可按类型筛选。· Optionally of one type.")
  @ApiResponse(responseCode = "200", description = "单位 · the units")
  @ApiResponse(responseCode = "400", description = "未知类型（消息列出可选类型）· unknown type")
  @DemoUser("hotline")
  @GetMapping("/api/catalogue/units")
  List<UnitEntry> units(@RequestParam(required = false) @Parameter(description = "单位类型 · unit type", example = "community") String type) {
    return organization.units().stream().filter(unit -> type == null || unit.type() == typeOf(type))
        .map(unit -> new UnitEntry(unit.code(), unit.groupId(), unit.name(), unit.type().code(), unit.parentCode())).toList();
  }

  private static UnitType typeOf(String code) {
    return Arrays.stream(UnitType.values()).filter(type -> type.code().equals(code)).findFirst()
        .orElseThrow(() -> new InvalidRequestException("未知的单位类型：" + (code.length() > 40 ? code.substring(0, 40) + "…" : code) + "，可选："
            + String.join("、", Arrays.stream(UnitType.values()).map(UnitType::code).toList())));
  }
}
