package org.jingzhi.organization;

import java.util.List;
import org.jingzhi.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/organization/units/{code}}: a unit, its display name and its chain up to the city. */
@RestController
@RequestMapping("/api/organization/units")
class OrganizationController {

  record UnitView(String code, String id, String name, String shortName, String type, String typeLabel, List<UnitView> chain) {
  }

  private final Organization organization;

  OrganizationController(Organization organization) {
    this.organization = organization;
  }

  @GetMapping("/{codeOrId}")
  UnitView unit(@PathVariable String codeOrId) {
    Unit unit = organization.find(codeOrId).orElseThrow(() -> new NotFoundException("未知单位：" + codeOrId));
    return view(unit, organization.chain(unit.code()).stream().map(link -> view(link, null)).toList());
  }

  private static UnitView view(Unit unit, List<UnitView> chain) {
    return new UnitView(unit.code(), unit.groupId(), unit.name(), unit.shortName(), unit.type().code(), unit.type().label(), chain);
  }
}
