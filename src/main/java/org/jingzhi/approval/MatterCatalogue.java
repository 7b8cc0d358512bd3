package org.jingzhi.approval;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jingzhi.engine.DecisionLookup;
import org.springframework.stereotype.Component;

/**
 * The DMN matter catalogue ({@code processes/matter-catalogue.dmn}) as the API sees it: which matter
 * types exist and what they are called. Always the latest deployed table, so a modeler's change
 * takes effect without code.
 */
@Component
public class MatterCatalogue {

  public static final String CASE_LIMIT_DECISION = "matter-case-limit";
  public static final String DEPARTMENTS_DECISION = "matter-departments";

  public record Matter(String type, String name, int totalLimitDays) {
  }

  private final DecisionLookup decisions;

  public MatterCatalogue(DecisionLookup decisions) {
    this.decisions = decisions;
  }

  /** The matter types the catalogue knows, in its order. */
  public List<String> types() {
    return decisions.inputValues(CASE_LIMIT_DECISION);
  }

  /** The departments that review a matter, each with its limit in working days. */
  public List<Map<String, Object>> departments(String matterType) {
    return decisions.rows(DEPARTMENTS_DECISION, Map.of(JointApprovalProcess.MATTER_TYPE, matterType));
  }

  public Optional<Matter> find(String matterType) {
    List<Map<String, Object>> rows = decisions.rows(CASE_LIMIT_DECISION, Map.of(JointApprovalProcess.MATTER_TYPE, matterType));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = rows.get(0);
    return Optional.of(new Matter(matterType, (String) row.get("matterName"), ((Number) row.get("totalLimitDays")).intValue()));
  }
}
