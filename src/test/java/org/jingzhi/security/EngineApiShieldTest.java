package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the shield refuses before the engine's REST layer reads it, and what it lets through as Tasklist sends it. */
class EngineApiShieldTest {

  @ParameterizedTest
  @ValueSource(strings = {"null", "\"text\"", "1", "[null]", "{\"sorting\":[null]}", "{\"variables\":{\"x\":null}}", "{\"a\":\"\\u0000\"}",
      "{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}", "{", "{\"a\":1}}"})
  void refusesBodiesTheRestLayerCannotReadSafely(String body) {
    assertThat(EngineApiShield.jsonProblem(bytes(body))).as(body).isNotNull();
  }

  @Test
  void refusesDeepNesting() {
    assertThat(EngineApiShield.jsonProblem(bytes("[".repeat(33) + "]".repeat(33)))).contains("32");
    assertThat(EngineApiShield.jsonProblem(bytes("[".repeat(1001) + "]".repeat(1001)))).contains("32");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{}", "{\"variables\":{\"decision\":{\"value\":\"approved\"},\"note\":{\"value\":null}}}",
      "{\"variables\":{\"departments\":{\"type\":\"Object\",\"value\":\"[\\\"urban\\\"]\"}}}",
      "{\"processVariables\":[],\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"orQueries\":[{\"name\":\"x\"}]}",
      "{\"variables\":{\"x\":{\"value\":{\"nested\":[1,2]}}}}"})
  void letsThroughWhatTasklistAndClientsSend(String body) {
    assertThat(EngineApiShield.jsonProblem(bytes(body))).as(body).isNull();
  }

  @Test
  void screensTheQueryString() {
    assertThat(EngineApiShield.queryProblem("nameLike=%00")).contains("NUL");
    assertThat(EngineApiShield.queryProblem("firstResult=-1")).contains("firstResult");
    assertThat(EngineApiShield.queryProblem("maxResults=99999999999")).contains("maxResults");
    assertThat(EngineApiShield.queryProblem("name=%E0%A4%A")).contains("转义");
    assertThat(EngineApiShield.queryProblem("firstResult=0&maxResults=15&sortBy=created&nameLike=%25x%25")).isNull();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
