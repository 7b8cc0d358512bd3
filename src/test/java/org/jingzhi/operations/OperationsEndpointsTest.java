package org.jingzhi.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each node's probes answer anyone with a status only; its metrics are for operators (administrators) alone. */
@IntegrationTest
class OperationsEndpointsTest {

  @LocalServerPort
  int port;

  @Test
  void theProbesSayUpToAnyoneAndNothingMore() {
    Http http = new Http(port);
    for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      Http.Response response = http.get(null, probe);
      assertThat(response.status()).as(probe).isEqualTo(200);
      assertThat(response.body()).as(probe).startsWith("{\"status\":\"UP\"").doesNotContain("components", "details", "jdbc");
    }
  }

  @Test
  void metricsAreForOperatorsOnly() {
    Http http = new Http(port);
    assertThat(http.get(null, "/actuator/prometheus").status()).as("the public").isEqualTo(401);
    Http.Response clerk = http.get("window", "/actuator/prometheus");
    assertThat(clerk.status()).as("a clerk").isEqualTo(403);
    assertThat(clerk.body()).contains("仅供运维人员");

    Http.Response operator = http.get("demo", "/actuator/prometheus");

    assertThat(operator.status()).isEqualTo(200);
    assertThat(operator.body()).contains("jingzhi_jobs_due", "jingzhi_jobs_locked", "jingzhi_jobs_failed", "jingzhi_incidents_open",
        "jingzhi_tasks_overdue", "jingzhi_notices_waiting", "jingzhi_notices_given_up", "jvm_memory_used_bytes");
    assertThat(http.get("demo", "/actuator/env").status()).as("nothing else is exposed").isEqualTo(404);
    assertThat(http.get("window", "/actuator/env").status()).isEqualTo(403);
  }
}
