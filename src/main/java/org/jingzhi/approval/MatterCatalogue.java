package org.jingzhi.approval;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.jingzhi.engine.AsSystem;
import org.springframework.stereotype.Component;

/**
 * The DMN matter catalogue ({@code processes/matter-catalogue.dmn}) as the API sees it: which matter
 * types exist and what they are called. Always the latest deployed table, so a modeler's change
 * takes effect without code. Evaluated with a DMN engine of its own: a lookup is not a decision and
 * leaves no decision history, and it works outside engine commands.
 */
@Component
public class MatterCatalogue {

  public static final String DEPARTMENTS_DECISION = "matter-departments";
  public static final String CASE_LIMIT_DECISION = "matter-case-limit";

  public record Matter(String type, String name, int totalLimitDays) {
  }

  private final RepositoryService repository;
  private final IdentityService identity;
  private final DmnEngine dmn;

  public MatterCatalogue(ProcessEngine engine) {
    this.repository = engine.getRepositoryService();
    this.identity = engine.getIdentityService();
    this.dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  }

  public Optional<Matter> find(String matterType) {
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(latestDecision(), Map.of(JointApprovalProcess.MATTER_TYPE, matterType));
    if (result.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = result.getSingleResult().getEntryMap();
    return Optional.of(new Matter(matterType, (String) row.get("matterName"), ((Number) row.get("totalLimitDays")).intValue()));
  }

  /** The engine's cached definition, which is the parsed decision itself. */
  private DmnDecision latestDecision() {
    return AsSystem.call(identity, () -> {
      DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(CASE_LIMIT_DECISION).latestVersion()
          .withoutTenantId().singleResult();
      if (latest == null) {
        throw new IllegalStateException("The matter catalogue (decision " + CASE_LIMIT_DECISION + ") is not deployed");
      }
      return (DmnDecision) repository.getDecisionDefinition(latest.getId());
    });
  }
}
