package org.jingzhi.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A webapp login lives in the shared database (Spring Session JDBC), not in the node that served it: any node with the
 * database knows it, and without the database row nobody is logged in.
 */
@IntegrationTest
class SharedSessionTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aLoginIsKeptInTheDatabase() throws Exception {
    HttpResponse<String> login = WebappSession.login(port, "tasklist", "window", "demo");
    assertThat(login.statusCode()).isEqualTo(200);
    String session = login.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
        .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'))).findFirst().orElseThrow();

    String id = new String(java.util.Base64.getDecoder().decode(session), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", Integer.class, id)).isOne();
    assertThat(whoAmI(session)).as("logged in").contains("\"userId\":\"window\"");

    jdbc.update("DELETE FROM SPRING_SESSION WHERE SESSION_ID = ?", id);
    assertThat(whoAmI(session)).as("the row is the login").doesNotContain("\"userId\":\"window\"");
  }

  private String whoAmI(String session) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default")).header("Cookie", "JSESSIONID=" + session).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
    return answer.statusCode() + " " + answer.body();
  }
}
