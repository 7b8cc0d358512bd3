package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.HistoryService;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Found in review: a browser that logged into /api/docs keeps the HTTP Basic login and sends it with
 * a form another site submits (cross-site request forgery). What the browser marks as coming from
 * another site changes nothing; REST clients, which send no such marks, and our own pages are unaffected.
 */
@IntegrationTest
class CrossSiteRequestTest {

  static final String APPLICATION = "{\"matterType\":\"restaurant-opening\",\"projectName\":\"跨站伪造的申请\","
      + "\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\"},\"materials\":[\"申请书\"]}";

  @LocalServerPort
  int port;

  @Autowired
  HistoryService history;

  @Test
  void aFormFromAnotherSiteChangesNothing() {
    Http http = new Http(port);
    long before = cases();

    Http.Response origin = http.send(post(http, "/api/joint-approvals", APPLICATION).header("Origin", "https://evil.example"));
    Http.Response fetchMark = http.send(post(http, "/api/joint-approvals", APPLICATION).header("Sec-Fetch-Site", "cross-site"));
    Http.Response engine = http.send(post(http, "/engine-rest/process-definition/key/joint-approval/start", "{}")
        .header("Origin", "http://localhost.evil.example:" + port));

    assertThat(origin.status()).isEqualTo(403);
    assertThat(origin.body()).contains("跨站");
    assertThat(fetchMark.status()).isEqualTo(403);
    assertThat(engine.status()).isEqualTo(403);
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void ourOwnPagesAndRestClientsAreServed() {
    Http http = new Http(port);

    assertThat(http.send(post(http, "/api/joint-approvals", APPLICATION).header("Origin", "http://localhost:" + port)
        .header("Sec-Fetch-Site", "same-origin")).status()).isEqualTo(201);
    assertThat(http.post("window", "/api/joint-approvals", APPLICATION).status()).isEqualTo(201);
    assertThat(http.send(http.request("window", "/api/catalogue/matters").header("Sec-Fetch-Site", "cross-site").GET()).status())
        .as("reading changes nothing, and another site cannot read the answer").isEqualTo(200);
  }

  private static HttpRequest.Builder post(Http http, String path, String json) {
    return http.request("window", path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  private long cases() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey("joint-approval").count();
  }
}
