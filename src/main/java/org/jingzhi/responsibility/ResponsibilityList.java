package org.jingzhi.responsibility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jingzhi.cases.Texts;
import org.jingzhi.engine.DecisionLookup;
import org.springframework.stereotype.Component;

/**
 * Who owns what, as the city keeps it in {@code processes/responsibility.dmn} (modelers and administrators edit
 * and deploy it like any model; the latest deployed version counts): the power-and-responsibility list
 * (权责清单: the owning department of an event category, per level where it differs, and its co-handlers) and
 * the community admission list (社区工作准入目录: the categories a community may be asked to handle).
 * Also {@code responsibilityList} in the chain's expressions.
 */
@Component("responsibilityList")
public class ResponsibilityList {

  public static final String LIST_DECISION = "responsibility-list";
  public static final String ADMISSION_DECISION = "community-admission";

  /** The owning department (主责) and the co-handling departments (协办) of a category, as department codes. */
  public record Responsibility(String ownerDepartment, List<String> coHandlers) {

    /** Whom a summons proposes: the owner first, then the co-handlers. */
    public List<String> departments() {
      List<String> departments = new ArrayList<>(List.of(ownerDepartment));
      coHandlers.stream().filter(department -> !departments.contains(department)).forEach(departments::add);
      return departments;
    }
  }

  private final DecisionLookup decisions;

  public ResponsibilityList(DecisionLookup decisions) {
    this.decisions = decisions;
  }

  /** The list's first row for the category at this level (a row without a level holds for every level); empty if none. */
  public Optional<Responsibility> of(String category, String level) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("category", category);
    inputs.put("level", level);
    return decisions.rows(LIST_DECISION, inputs).stream().findFirst()
        .filter(row -> row.get("ownerDepartment") instanceof String owner && !owner.isBlank())
        .map(row -> new Responsibility(((String) row.get("ownerDepartment")).trim(), Texts.list(row.get("coHandlers"))));
  }

  /** Whether a community may be asked to handle events of this category. */
  public boolean communityMayHandle(String category) {
    return decisions.rows(ADMISSION_DECISION, Map.of("category", category)).stream().findFirst()
        .map(row -> Boolean.TRUE.equals(row.get("admitted"))).orElse(false);
  }
}
