package org.jingzhi.escalation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jingzhi.cases.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingzhi.web.DemoUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/catalogue/event-categories}: the categories of the DMN event catalogue, as an integrator reports them. */
@RestController
@Tag(name = "目录 Catalogues")
class EventCategoryController {

  /** {@code limitDays}: working days per level (community, street, district, city), only for the levels the category passes. */
  record CategoryView(String category, String name, String startLevel, Map<String, Integer> limitDays, List<String> summonDepartments) {
  }

  private static final List<String> LEVELS = List.of(EscalationProcess.COMMUNITY, EscalationProcess.STREET, EscalationProcess.DISTRICT,
      EscalationProcess.CITY);

  private final EventCatalogue catalogue;

  EventCategoryController(EventCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Operation(summary = "事件类别 · event categories",
      description = "事件目录（DMN）的类别：起始层级、各级时限（工作日）、默认吹哨部门。· From the DMN event catalogue.")
  @ApiResponse(responseCode = "200", description = "类别 · the categories")
  @DemoUser("hotline")
  @GetMapping("/api/catalogue/event-categories")
  List<CategoryView> categories() {
    return catalogue.categories().stream().flatMap(category -> catalogue.category(category).stream().map(row -> view(category, row))).toList();
  }

  private static CategoryView view(String category, Map<String, Object> row) {
    Map<String, Integer> limits = new LinkedHashMap<>();
    for (String level : LEVELS) {
      if (row.get(level + "Days") instanceof Number days) {
        limits.put(level, days.intValue());
      }
    }
    return new CategoryView(category, (String) row.get("categoryName"), (String) row.get("startLevel"), limits,
        Texts.list(row.get("summonDepartments")));
  }
}
