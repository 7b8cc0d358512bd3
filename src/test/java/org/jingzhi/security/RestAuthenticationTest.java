package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class RestAuthenticationTest {

  @LocalServerPort
  int port;

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/user", "/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/engine/default/user",
      "/engine-rest/deployment", "/engine-rest/authorization", "/engine-rest//user", "/engine-rest/./user", "/api/calendar/deadline"})
  void anonymousCallsAreRefused(String path) {
    Http.Response response = new Http(port).get(null, path);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    assertThat(response.body()).contains("请先登录");
  }

  @Test
  void theEngineListStaysOpenAsAHealthProbe() {
    Http.Response response = new Http(port).get(null, "/engine-rest/engine");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("default");
  }

  @Test
  void onlyReadingTheEngineListIsOpen() {
    assertThat(new Http(port).post(null, "/engine-rest/engine", "{}").status()).isEqualTo(401);
    assertThat(new Http(port).get(null, "/engine-rest/engine/default/process-definition").status()).isEqualTo(401);
  }

  @Test
  void aWrongPasswordIsRefused() {
    Http http = new Http(port);
    Http.Response response = http.send(http.request(null, "/engine-rest/user").header("Authorization", Http.basic("u990102002001", "nope")));

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void garbledCredentialsAreRefused() {
    Http http = new Http(port);

    assertThat(http.send(http.request(null, "/engine-rest/user").header("Authorization", "Basic ###")).status()).isEqualTo(401);
    assertThat(http.send(http.request(null, "/engine-rest/user").header("Authorization", "Bearer abc")).status()).isEqualTo(401);
  }

  @Test
  void aDemoUserIsAuthenticatedWithItsGroups() {
    Http.Response response = new Http(port).get("window", "/engine-rest/identity/groups?userId=window");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("service-center");
  }

  @Test
  void theApplicantsPublicPathsNeedNoLogin() {
    assertThat(new Http(port).get(null, "/api/public/no-such-thing").status()).isEqualTo(404);
  }
}
