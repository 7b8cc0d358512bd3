package org.jingzhi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code Idempotency-Key} on intake: a retry gets the first answer, never a second case; a key means one request. */
@IntegrationTest
class IdempotentIntakeTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String APPLICATION = """
      {"matterType": "restaurant-opening", "projectName": "%s",
       "applicant": {"name": "张三", "idNumber": "11010519491231002X", "phone": "13800138000"}, "materials": ["营业执照申请书"]}""";
  static final String REPORT = """
      {"category": "road-occupation", "description": "%s", "communityCode": "990101001001", "address": "柳岸路", "channel": "hotline"}""";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void aRetriedSubmissionGetsTheFirstAnswerAndMakesOneCase() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = APPLICATION.formatted("幂等甲店");

    Http.Response first = post("window", "/api/joint-approvals", key, body);
    Http.Response retry = post("window", "/api/joint-approvals", key, body);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
    assertThat(casesNamed("幂等甲店")).isEqualTo(1);

    Http.Response other = post("window", "/api/joint-approvals", key, APPLICATION.formatted("幂等乙店"));
    assertThat(other.status()).as("the same key for another request").isEqualTo(409);
    assertThat(other.body()).contains("已用于另一项不同的请求");
    assertThat(casesNamed("幂等乙店")).isZero();
  }

  @Test
  void twoRetriesAtTheSameMomentMakeOneEvent() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = REPORT.formatted("幂等：同时重发的诉求");
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Http.Response>> sent = List.of(1, 2).stream().map(attempt -> CompletableFuture.supplyAsync(() -> {
      try {
        start.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return post("hotline", "/api/events", key, body);
    })).toList();
    start.countDown();

    List<JsonNode> answers = sent.stream().map(CompletableFuture::join).map(response -> {
      assertThat(response.status()).as(response.body()).isIn(201, 409);
      return read(response);
    }).toList();

    assertThat(answers.stream().filter(answer -> answer.has("eventNumber")).map(answer -> answer.get("eventNumber").asText()).distinct())
        .hasSize(1);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("escalation-chain")
        .variableValueEquals("description", "幂等：同时重发的诉求").count()).as("one event").isEqualTo(1);
  }

  @Test
  void aKeyIsTheCallersOwnAndMustBeReadable() {
    String key = UUID.randomUUID().toString();
    assertThat(post("hotline", "/api/events", key, REPORT.formatted("幂等：热线")).status()).isEqualTo(201);
    assertThat(post("liuan", "/api/events", key, REPORT.formatted("幂等：热线")).status()).as("another user's key space").isEqualTo(201);

    assertThat(post("hotline", "/api/events", "has space", REPORT.formatted("x")).status()).isEqualTo(400);
    assertThat(post("hotline", "/api/events", "k".repeat(129), REPORT.formatted("x")).status()).isEqualTo(400);
  }

  private long casesNamed(String projectName) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("joint-approval")
        .variableValueEquals("projectName", projectName).count();
  }

  private Http.Response post(String user, String path, String key, String body) {
    Http http = new Http(port);
    return http.send(http.request(user, path).header("Content-Type", "application/json").header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private static JsonNode read(Http.Response response) {
    try {
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
