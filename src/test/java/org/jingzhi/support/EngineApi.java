package org.jingzhi.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The two doors a client has to the engine: the engine REST API ({@code /engine-rest}, HTTP Basic)
 * and the webapps' engine API ({@code /camunda/api/engine/engine/default}, a Tasklist session with its
 * CSRF token; a path starting with {@code /camunda/} reaches the webapps' other APIs). Attack tests go
 * through both.
 */
public interface EngineApi {

  /** A request with a body of the given type, or none when {@code contentType} is null. */
  Http.Response send(String user, String method, String path, String contentType, HttpRequest.BodyPublisher body);

  default Http.Response send(String user, String method, String path, String json) {
    return json == null ? send(user, method, path, null, HttpRequest.BodyPublishers.noBody())
        : send(user, method, path, "application/json", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  /** A {@code multipart/form-data} POST as a browser sends a form: text fields, and one file when {@code file} is not null. */
  default Http.Response postMultipart(String user, String path, Map<String, String> fields, String fileField, byte[] file) {
    String boundary = "----jingzhi" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
        + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    if (file != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"file.bin\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(user, "POST", path, "multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  default Http.Response get(String user, String path) {
    return send(user, "GET", path, null);
  }

  default Http.Response post(String user, String path, String json) {
    return send(user, "POST", path, json);
  }

  default Http.Response put(String user, String path, String json) {
    return send(user, "PUT", path, json);
  }

  static EngineApi rest(int port) {
    Http http = new Http(port);
    return new EngineApi() {
      @Override
      public Http.Response send(String user, String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = http.request(user, "/engine-rest" + path);
        if (contentType != null) {
          request.header("Content-Type", contentType);
        }
        return http.send(request.method(method, body));
      }

      @Override
      public String toString() {
        return "engine REST API";
      }
    };
  }

  /** Logs each user into Tasklist once (password "demo") and reuses the session. */
  static EngineApi webapp(int port) {
    String base = "http://localhost:" + port;
    HttpClient client = HttpClient.newHttpClient();
    Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();
    return new EngineApi() {
      @Override
      public Http.Response send(String user, String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        Map<String, String> cookies = sessions.computeIfAbsent(user, this::login);
        String url = base + (path.startsWith("/camunda/") ? path : "/camunda/api/engine/engine/default" + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .header("Cookie", cookieHeader(cookies)).header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""))
            .header("Accept", "application/json, text/plain, */*")
            .method(method, body);
        if (contentType != null) {
          request.header("Content-Type", contentType);
        }
        try {
          HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          keep(response, cookies);
          return new Http.Response(response.statusCode(), response.body(), response);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }

      private Map<String, String> login(String user) {
        try {
          Map<String, String> cookies = new LinkedHashMap<>();
          keep(client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).GET().build(),
              HttpResponse.BodyHandlers.discarding()), cookies);
          String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
          HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
              .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
              .header("Cookie", cookieHeader(cookies)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
              HttpResponse.BodyHandlers.ofString());
          if (login.statusCode() != 200) {
            throw new IllegalStateException(user + " could not log into Tasklist: " + login.statusCode() + " " + login.body());
          }
          keep(login, cookies);
          // the login renews the session; its CSRF token comes with the next answer
          keep(client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).header("Cookie", cookieHeader(cookies))
              .GET().build(), HttpResponse.BodyHandlers.discarding()), cookies);
          return cookies;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public String toString() {
        return "webapps' engine API";
      }
    };
  }

  private static String cookieHeader(Map<String, String> cookies) {
    return cookies.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("; "));
  }

  private static void keep(HttpResponse<?> response, Map<String, String> cookies) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
  }
}
