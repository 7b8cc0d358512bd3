package org.jingzhi.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Logs into a Camunda webapp (tasklist, cockpit, admin) the way the browser does. Cookies are kept
 * by hand because the production profile marks them Secure, which a client on plain HTTP would drop.
 */
public final class WebappSession {

  private WebappSession() {
  }

  /** The answer of the webapp login: 200 with the user's authorized apps, or a refusal. */
  public static HttpResponse<String> login(int port, String app, String user, String password) throws Exception {
    return login(port, "default", app, user, password);
  }

  public static HttpResponse<String> login(int port, String engine, String app, String user, String password) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String base = "http://localhost:" + port;
    Map<String, String> cookies = new LinkedHashMap<>();
    HttpResponse<Void> page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    keepCookies(page, cookies);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + engine + "/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
        .header("Cookie", cookies.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("; ")))
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void keepCookies(HttpResponse<?> response, Map<String, String> cookies) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
  }
}
