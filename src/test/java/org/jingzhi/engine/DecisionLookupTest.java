package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.approval.MatterCatalogue;
import org.jingzhi.support.EngineStatements;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A catalogue lookup asks which version is the latest every time, and takes each version from the engine once: a version
 * deployed answers the next lookup, and when its deployment is deleted the version before answers again.
 */
@IntegrationTest
class DecisionLookupTest {

  private static final String RESTAURANT = "restaurant-opening";

  @Autowired
  ProcessEngine engine;
  @Autowired
  MatterCatalogue catalogue;

  @Test
  void aVersionAlreadyTakenIsNotReadFromTheEngineAgain() {
    catalogue.find(RESTAURANT);

    int queries = EngineStatements.selects(engine, "selectDecisionDefinitionsByQueryCriteria", () -> catalogue.find(RESTAURANT));
    int reads = EngineStatements.selects(engine, "selectDecisionDefinition", () -> catalogue.find(RESTAURANT));

    assertThat(queries).as("the engine's queries for the latest version").isZero();
    assertThat(reads).as("the engine's reads of a version by id").isZero();
  }

  @Test
  void aNewVersionAnswersTheNextLookupAndTheOneBeforeAnswersAgainWhenItIsDeleted() throws Exception {
    String shipped = catalogue.find(RESTAURANT).orElseThrow().name();
    engine.getIdentityService().clearAuthentication();

    String renamed = engine.getRepositoryService().createDeployment().name("decision-lookup-test")
        .addString("matter-catalogue.dmn", shippedCatalogue().replace("\"" + shipped + "\"", "\"餐饮店开业（新版）\"")).deploy().getId();
    try {
      assertThat(catalogue.find(RESTAURANT).orElseThrow().name()).isEqualTo("餐饮店开业（新版）");
    } finally {
      engine.getRepositoryService().deleteDeployment(renamed, true);
    }

    assertThat(catalogue.find(RESTAURANT).orElseThrow().name()).isEqualTo(shipped);
  }

  private String shippedCatalogue() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/processes/matter-catalogue.dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
