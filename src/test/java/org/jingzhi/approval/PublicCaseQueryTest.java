package org.jingzhi.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The applicants' open case view gives nothing away: every name masked, an unknown case and a wrong code alike in answer and time. */
@IntegrationTest
class PublicCaseQueryTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Test
  void aOneCharacterNameIsMaskedToo() throws Exception {
    Http http = new Http(port);
    JsonNode submission = JSON.readTree(http.post("window", "/api/joint-approvals", "{\"matterType\":\"restaurant-opening\",\"projectName\":\"王记面馆\","
        + "\"applicant\":{\"name\":\"王\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\"},\"materials\":[\"营业执照申请书\"]}").body());

    Http.Response view = http.get(null, "/api/public/cases/" + submission.get("caseNumber").asText() + "?queryCode="
        + submission.get("queryCode").asText());

    assertThat(view.status()).isEqualTo(200);
    assertThat(JSON.readTree(view.body()).get("applicant").get("name").asText()).isEqualTo("*");
    assertThat(view.body()).doesNotContain("\"王\"");
  }

  @Test
  void aWrongCodeForAnExistingCaseTakesAsLongAsAnUnknownCase() throws Exception {
    Http http = new Http(port);
    String caseNumber = JSON.readTree(http.post("window", "/api/joint-approvals", "{\"matterType\":\"restaurant-opening\",\"projectName\":\"计时餐饮店\","
        + "\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\"},\"materials\":[\"营业执照申请书\"]}").body())
        .get("caseNumber").asText();
    for (int i = 0; i < 5; i++) {
      http.get(null, "/api/public/cases/" + caseNumber + "?queryCode=WRONG234");
      http.get(null, "/api/public/cases/LH-20260101-999999?queryCode=WRONG234");
    }

    double existing = medianMillis(http, "/api/public/cases/" + caseNumber + "?queryCode=WRONG234");
    double unknown = medianMillis(http, "/api/public/cases/LH-20260101-999999?queryCode=WRONG234");

    System.out.printf("Public query, median of 21: wrong code for an existing case %.1f ms, unknown case %.1f ms%n", existing, unknown);
    assertThat(Math.abs(existing - unknown)).as("existing %.1f ms, unknown %.1f ms", existing, unknown).isLessThan(10.0);
  }

  private static double medianMillis(Http http, String path) {
    double[] millis = new double[21];
    for (int i = 0; i < millis.length; i++) {
      long started = System.nanoTime();
      assertThat(http.get(null, path).status()).isEqualTo(404);
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    Arrays.sort(millis);
    return millis[millis.length / 2];
  }
}
