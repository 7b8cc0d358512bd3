package org.jingzhi.escalation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jingzhi.engine.DecisionLookup;
import org.springframework.stereotype.Component;

/** The DMN event catalogue ({@code processes/event-catalogue.dmn}) as Java reads it: categories and urgent limits. */
@Component
public class EventCatalogue {

  public static final String CATEGORIES_DECISION = "event-categories";
  public static final String URGENT_LIMITS_DECISION = "urgent-limits";

  private final DecisionLookup decisions;

  public EventCatalogue(DecisionLookup decisions) {
    this.decisions = decisions;
  }

  /** The event categories the catalogue knows, in its order. */
  public List<String> categories() {
    return decisions.inputValues(CATEGORIES_DECISION);
  }

  /** The catalogue row of a category: categoryName, startLevel, the days per level, summonDepartments. */
  public Optional<Map<String, Object>> category(String category) {
    List<Map<String, Object>> rows = decisions.rows(CATEGORIES_DECISION, Map.of(EscalationProcess.CATEGORY, category));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Clock hours an urgent event may stay at a level. */
  public int urgentHours(Level level) {
    List<Map<String, Object>> rows = decisions.rows(URGENT_LIMITS_DECISION, Map.of("level", level.code));
    if (rows.isEmpty()) {
      throw new IllegalStateException("The urgent limits have no row for level " + level.code);
    }
    return ((Number) rows.get(0).get("limitHours")).intValue();
  }
}
