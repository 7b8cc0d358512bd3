package org.jingzhi.approval;

import java.util.List;
import java.util.Map;
import org.jingzhi.organization.Organization;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingzhi.web.DemoUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/catalogue/matters}: the matters of the DMN catalogue, as an integrator submits them. */
@RestController
@Tag(name = "目录 Catalogues")
class MatterCatalogueController {

  record DepartmentLimit(String department, String name, int limitDays) {
  }

  record MatterView(String matterType, String name, int totalLimitDays, List<DepartmentLimit> departments) {
  }

  private final MatterCatalogue catalogue;
  private final Organization organization;

  MatterCatalogueController(MatterCatalogue catalogue, Organization organization) {
    this.catalogue = catalogue;
    this.organization = organization;
  }

  @Operation(summary = "审批事项 · matters",
      description = "事项目录（DMN）：每个事项的总时限和参与审查的部门及其时限（工作日）。· From the DMN matter catalogue.")
  @ApiResponse(responseCode = "200", description = "事项 · the matters")
  @DemoUser("window")
  @GetMapping("/api/catalogue/matters")
  List<MatterView> matters() {
    return catalogue.types().stream().flatMap(type -> catalogue.find(type).stream())
        .map(matter -> new MatterView(matter.type(), matter.name(), matter.totalLimitDays(), departments(matter.type()))).toList();
  }

  private List<DepartmentLimit> departments(String matterType) {
    return catalogue.departments(matterType).stream().map(row -> department(row)).toList();
  }

  private DepartmentLimit department(Map<String, Object> row) {
    String department = (String) row.get("department");
    return new DepartmentLimit(department, organization.shortName(department), ((Number) row.get("limitDays")).intValue());
  }
}
