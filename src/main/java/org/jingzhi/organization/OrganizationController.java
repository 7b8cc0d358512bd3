package org.jingzhi.organization;

import java.util.List;
import org.jingzhi.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingzhi.web.DemoUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/organization/units/{code}}: a unit, its display name and its chain up to the city. */
@RestController
@RequestMapping("/api/organization/units")
@Tag(name = "组织 Organization")
class OrganizationController {

  record UnitView(String code, String id, String name, String shortName, String type, String typeLabel, List<UnitView> chain) {
  }

  private final Organization organization;

  OrganizationController(Organization organization) {
    this.organization = organization;
  }

  @Operation(summary = "单位及其上级链 · a unit and its chain up to the city")
  @ApiResponse(responseCode = "200", description = "单位 · the unit")
  @ApiResponse(responseCode = "404", description = "未知单位 · unknown unit")
  @DemoUser("window")
  @GetMapping("/{codeOrId}")
  UnitView unit(@PathVariable @Parameter(description = "单位代码或组 id · unit code or group id", example = "990101001001") String codeOrId) {
    Unit unit = organization.find(codeOrId).orElseThrow(() -> new NotFoundException("未知单位：" + codeOrId));
    return view(unit, organization.chain(unit.code()).stream().map(link -> view(link, null)).toList());
  }

  private static UnitView view(Unit unit, List<UnitView> chain) {
    return new UnitView(unit.code(), unit.groupId(), unit.name(), unit.shortName(), unit.type().code(), unit.type().label(), chain);
  }
}
