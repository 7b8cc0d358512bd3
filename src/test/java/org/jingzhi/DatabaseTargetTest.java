package org.jingzhi;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CI sets JINGZHI_REQUIRE_DATABASE=postgres: the suite then fails unless it really ran on
 * PostgreSQL, so a misconfiguration can never fall back to H2 silently.
 */
@IntegrationTest
class DatabaseTargetTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void runsOnTheRequiredDatabase() {
    String databaseType = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
    String required = System.getenv("JINGZHI_REQUIRE_DATABASE");

    System.out.println("Integration tests run on " + databaseType);
    assertThat(databaseType).isEqualTo(required == null || required.isBlank() ? databaseType : required);
  }
}
