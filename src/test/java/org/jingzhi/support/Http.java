package org.jingzhi.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for tests against the running application, logging in as a demo user. */
public class Http {

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  public Http(int port) {
    this.base = "http://localhost:" + port;
  }

  public Response get(String user, String path) {
    return send(request(user, path).GET());
  }

  public Response post(String user, String path, String json) {
    return send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8)));
  }

  public Response put(String user, String path, String json) {
    return send(request(user, path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response delete(String user, String path) {
    return send(request(user, path).DELETE());
  }

  public Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request as {@code user} (password "demo"), or anonymous when {@code user} is null. */
  public HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (user != null) {
      builder.header("Authorization", basic(user, "demo"));
    }
    return builder;
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public record Response(int status, String body, HttpResponse<String> raw) {
  }
}
