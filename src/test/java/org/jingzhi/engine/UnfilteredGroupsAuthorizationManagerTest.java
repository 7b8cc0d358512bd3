package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every command checks authorizations without the engine's group filter (no scan of ACT_RU_AUTHORIZATION per command);
 * that the answers stay the same is what the security tests (UnitIsolationTest, IntegrityAttackTest, …) show.
 */
@IntegrationTest
class UnfilteredGroupsAuthorizationManagerTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void commandsCheckTheUsersGroupsAsTheyAre() {
    AuthorizationManager manager = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> context.getAuthorizationManager());

    assertThat(manager).isInstanceOf(UnfilteredGroupsAuthorizationManager.class);
    assertThat(manager.filterAuthenticatedGroupIds(List.of("market", "a-group-without-authorizations")))
        .containsExactly("market", "a-group-without-authorizations");
    assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
  }
}
