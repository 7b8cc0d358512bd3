package org.jingzhi.approval;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.jingzhi.engine.AsSystem;
import org.springframework.stereotype.Component;

/**
 * The DMN matter catalogue ({@code processes/matter-catalogue.dmn}) as the API sees it: which matter
 * types exist and what they are called. Always the latest deployed table, so a modeler's change
 * takes effect without code.
 */
@Component
public class MatterCatalogue {

  public static final String DEPARTMENTS_DECISION = "matter-departments";
  public static final String CASE_LIMIT_DECISION = "matter-case-limit";

  public record Matter(String type, String name, int totalLimitDays) {
  }

  private final DecisionService decisions;
  private final IdentityService identity;

  public MatterCatalogue(DecisionService decisions, IdentityService identity) {
    this.decisions = decisions;
    this.identity = identity;
  }

  public Optional<Matter> find(String matterType) {
    DmnDecisionTableResult result = AsSystem.call(identity, () ->
        decisions.evaluateDecisionTableByKey(CASE_LIMIT_DECISION, Map.of(JointApprovalProcess.MATTER_TYPE, matterType)));
    if (result.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = result.getSingleResult().getEntryMap();
    return Optional.of(new Matter(matterType, (String) row.get("matterName"), ((Number) row.get("totalLimitDays")).intValue()));
  }
}
