package org.jingzhi.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class OrganizationApiTest {

  @LocalServerPort
  int port;

  @Test
  void answersAUnitsChainUpToTheCity() {
    Http.Response response = new Http(port).get("liuan", "/api/organization/units/990101001001");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"name\":\"柳岸社区\"", "\"type\":\"community\"")
        .containsSubsequence("柳岸社区", "湖滨街道", "东湖区", "示范市");
  }

  @Test
  void findsDepartmentsByTheirKey() {
    assertThat(new Http(port).get("window", "/api/organization/units/market").body()).contains("\"code\":\"990100000101\"",
        "\"shortName\":\"市场监管局\"");
  }

  @Test
  void anUnknownUnitIsA404() {
    Http.Response response = new Http(port).get("window", "/api/organization/units/990199999999");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("未知单位");
  }
}
