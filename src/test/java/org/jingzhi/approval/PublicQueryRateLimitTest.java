package org.jingzhi.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jingzhi.JingzhiApplication;
import org.jingzhi.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Finding 7 of issue 8 end to end: the applicants' open view is rate-limited per client address by the running
 * application, with a Chinese 429, whether the look-up is right or wrong; the staff API is not. An application of its own
 * (a limit of 3 a minute; the shared test context allows 100,000 so that other tests may ask freely), run by the
 * surefire execution {@code application-starts}.
 */
class PublicQueryRateLimitTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theFourthLookUpInAMinuteFromOneAddressIsRefusedWithAChinese429EvenWithTheRightCode() throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(JingzhiApplication.class).profiles("demo").run(
        "--spring.datasource.url=jdbc:h2:mem:public-query-limit;DB_CLOSE_DELAY=-1", "--spring.datasource.username=sa",
        "--spring.datasource.password=", "--server.port=0", "--camunda.bpm.process-engine-name=public-query-limit",
        "--camunda.bpm.job-execution.enabled=false", "--jingzhi.public-query.requests-per-minute=3",
        "--jingzhi.calendar.refresh-every=0s", "--jingzhi.rates.count-ended-every=0s", "--logging.level.root=warn")) {
      Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
      Http.Response submitted = http.post("window", "/api/joint-approvals", "{\"matterType\":\"restaurant-opening\","
          + "\"projectName\":\"限流测试餐饮店\",\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\","
          + "\"phone\":\"13800138000\"},\"materials\":[\"营业执照申请书\"]}");
      assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
      String caseNumber = JSON.readTree(submitted.body()).get("caseNumber").asText();
      String queryCode = JSON.readTree(submitted.body()).get("queryCode").asText();
      String view = "/api/public/cases/" + caseNumber + "?queryCode=";

      assertThat(http.get(null, view + "WRONG123").status()).isEqualTo(404);
      assertThat(http.get(null, "/api/public/cases/LH-20260101-999999?queryCode=WRONG123").status()).isEqualTo(404);
      assertThat(http.get(null, view + queryCode).status()).as("the third look-up of the minute").isEqualTo(200);

      Http.Response refused = http.get(null, view + queryCode);
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.body()).contains("查询过于频繁");
      assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("60");
      assertThat(http.get("window", "/api/joint-approvals/" + caseNumber).status()).as("the staff API is not limited").isEqualTo(200);
    }
  }
}
