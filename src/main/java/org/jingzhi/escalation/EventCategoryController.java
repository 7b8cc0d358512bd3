package org.jingzhi.escalation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingzhi.responsibility.ResponsibilityList;
import org.jingzhi.web.DemoUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/catalogue/event-categories}: the categories of the DMN event catalogue, as an integrator reports them. */
@RestController
@Tag(name = "目录 Catalogues")
class EventCategoryController {

  /**
   * {@code limitDays}: working days per level (community, street, district, city), only for the levels the category passes;
   * {@code startLevel}: where an event starts (the street when the community admission list leaves the category out);
   * {@code ownerDepartment}, {@code coHandlers}: the 权责清单's row without a level; {@code summonDepartments}: both, as a
   * summons proposes them.
   */
  record CategoryView(String category, String name, String startLevel, Map<String, Integer> limitDays, String ownerDepartment,
                      List<String> coHandlers, List<String> summonDepartments, boolean communityMayHandle) {
  }

  private static final List<String> LEVELS = List.of(EscalationProcess.COMMUNITY, EscalationProcess.STREET, EscalationProcess.DISTRICT,
      EscalationProcess.CITY);

  private final EventCatalogue catalogue;
  private final ResponsibilityList responsibilities;

  EventCategoryController(EventCatalogue catalogue, ResponsibilityList responsibilities) {
    this.catalogue = catalogue;
    this.responsibilities = responsibilities;
  }

  @Operation(summary = "事件类别 · event categories",
      description = "事件目录（DMN）的类别：起始层级、各级时限（工作日）；权责清单的主责、协办部门；社区工作准入目录。"
          + " · From the DMN event catalogue and responsibility lists.")
  @ApiResponse(responseCode = "200", description = "类别 · the categories")
  @DemoUser("hotline")
  @GetMapping("/api/catalogue/event-categories")
  List<CategoryView> categories() {
    return catalogue.categories().stream().flatMap(category -> catalogue.category(category).stream().map(row -> view(category, row))).toList();
  }

  private CategoryView view(String category, Map<String, Object> row) {
    boolean communityMayHandle = responsibilities.communityMayHandle(category);
    Map<String, Integer> limits = new LinkedHashMap<>();
    for (String level : LEVELS) {
      if (row.get(level + "Days") instanceof Number days && (communityMayHandle || !level.equals(EscalationProcess.COMMUNITY))) {
        limits.put(level, days.intValue());
      }
    }
    String startLevel = (String) row.get("startLevel");
    Optional<ResponsibilityList.Responsibility> responsibility = responsibilities.of(category, null);
    return new CategoryView(category, (String) row.get("categoryName"),
        EscalationProcess.COMMUNITY.equals(startLevel) && !communityMayHandle ? EscalationProcess.STREET : startLevel, limits,
        responsibility.map(ResponsibilityList.Responsibility::ownerDepartment).orElse(null),
        responsibility.map(ResponsibilityList.Responsibility::coHandlers).orElse(List.of()),
        responsibility.map(ResponsibilityList.Responsibility::departments).orElse(List.of()), communityMayHandle);
  }
}
