package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may log into which webapp. */
@IntegrationTest
class WebappAccessTest {

  @LocalServerPort
  int port;

  @Test
  void clerksLogIntoTasklist() throws Exception {
    HttpResponse<String> window = WebappSession.login(port, "tasklist", "window", "demo");

    assertThat(window.statusCode()).isEqualTo(200);
    assertThat(window.body()).contains("\"userId\":\"window\"", "tasklist").doesNotContain("cockpit", "admin");
    assertThat(WebappSession.login(port, "tasklist", "liuan", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void theSupervisorLogsIntoCockpitButNotAdmin() throws Exception {
    HttpResponse<String> cockpit = WebappSession.login(port, "cockpit", "supervisor", "demo");

    assertThat(cockpit.statusCode()).isEqualTo(200);
    assertThat(cockpit.body()).contains("cockpit").doesNotContain("admin");
    assertThat(WebappSession.login(port, "admin", "supervisor", "demo").statusCode()).isNotEqualTo(200);
  }

  @Test
  void onlyDemoLogsIntoAdmin() throws Exception {
    assertThat(WebappSession.login(port, "admin", "demo", "demo").statusCode()).isEqualTo(200);
    assertThat(WebappSession.login(port, "admin", "window", "demo").statusCode()).isNotEqualTo(200);
    assertThat(WebappSession.login(port, "cockpit", "window", "demo").statusCode()).isNotEqualTo(200);
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    assertThat(WebappSession.login(port, "tasklist", "u990102002002", "wrong").statusCode()).isEqualTo(401);
  }
}
