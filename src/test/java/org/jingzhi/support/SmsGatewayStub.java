package org.jingzhi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local HTTP SMS gateway for the tests, answering as the platform expects a Chinese cloud SMS API to: it checks the
 * request's HMAC signature, keeps every message it accepted, and answers what a test plans (HTTP 500, a refusal code,
 * no answer in time, or a hold until the test releases it) before going back to {@code OK}.
 */
public final class SmsGatewayStub {

  public static final String ACCESS_KEY_ID = "test-key";
  public static final String SECRET = "test-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A message the gateway accepted. */
  public record Sms(String phone, String signName, String templateCode, Map<String, String> parameters, String outId) {
  }

  private record Plan(int status, String code, long delayMillis, Held held) {
  }

  /** A request held at the gateway: the test waits until it arrives, then lets it be answered. */
  public static final class Held {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Whether the held request reached the gateway within {@code seconds}. */
    public boolean arrivedWithin(long seconds) throws InterruptedException {
      return arrived.await(seconds, TimeUnit.SECONDS);
    }

    public void release() {
      released.countDown();
    }
  }

  private final HttpServer server;
  private final List<Sms> accepted = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Plan>> plans = new ConcurrentHashMap<>();
  private volatile int requests;
  private volatile int badSignatures;

  SmsGatewayStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/sms/send", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4, task -> {
      Thread thread = new Thread(task, "sms-gateway-stub");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send";
  }

  /** The next {@code times} requests for this number answer HTTP {@code status}. */
  public void failNext(String phone, int times, int status) {
    for (int i = 0; i < times; i++) {
      plan(phone, new Plan(status, null, 0, null));
    }
  }

  /** The next request for this number is refused with this result code (HTTP 200). */
  public void refuseNext(String phone, String code) {
    plan(phone, new Plan(200, code, 0, null));
  }

  /** The next request for this number gets no answer for {@code millis}. */
  public void stallNext(String phone, long millis) {
    plan(phone, new Plan(200, "OK", millis, null));
  }

  /** The next request for this number is answered only when it is released: to catch a dispatcher mid-delivery. */
  public Held holdNext(String phone) {
    Held held = new Held();
    plan(phone, new Plan(200, "OK", 0, held));
    return held;
  }

  private void plan(String phone, Plan plan) {
    plans.computeIfAbsent(phone, key -> new ConcurrentLinkedDeque<>()).add(plan);
  }

  public List<Sms> to(String phone) {
    return accepted.stream().filter(sms -> sms.phone().equals(phone)).toList();
  }

  public List<Sms> accepted() {
    return new ArrayList<>(accepted);
  }

  public int requests() {
    return requests;
  }

  public int badSignatures() {
    return badSignatures;
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests++;
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!signed(exchange, body)) {
      badSignatures++;
      answer(exchange, 403, "{\"Code\":\"InvalidSignature\",\"Message\":\"signature\"}");
      return;
    }
    JsonNode request = JSON.readTree(body);
    Deque<Plan> planned = plans.get(request.path("PhoneNumbers").asText());
    Plan plan = planned == null ? null : planned.poll();
    if (plan == null) {
      plan = new Plan(200, "OK", 0, null);
    }
    try {
      if (plan.delayMillis() > 0) {
        TimeUnit.MILLISECONDS.sleep(plan.delayMillis());
      }
      if (plan.held() != null) {
        plan.held().arrived.countDown();
        if (!plan.held().released.await(30, TimeUnit.SECONDS)) {
          answer(exchange, 500, "{}");
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (plan.status() != 200) {
      answer(exchange, plan.status(), "{\"Code\":\"InternalError\"}");
      return;
    }
    if ("OK".equals(plan.code())) {
      Map<String, String> parameters = JSON.readValue(request.path("TemplateParam").asText("{}"),
          JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
      accepted.add(new Sms(request.path("PhoneNumbers").asText(), request.path("SignName").asText(), request.path("TemplateCode").asText(),
          parameters, request.path("OutId").asText()));
    }
    answer(exchange, 200, "{\"Code\":\"" + plan.code() + "\",\"Message\":\"" + ("OK".equals(plan.code()) ? "OK" : "refused") + "\",\"BizId\":\"1\"}");
  }

  private static boolean signed(HttpExchange exchange, String body) {
    try {
      String timestamp = exchange.getRequestHeaders().getFirst("X-Sms-Timestamp");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected = Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8)));
      return ACCESS_KEY_ID.equals(exchange.getRequestHeaders().getFirst("X-Sms-Access-Key-Id"))
          && expected.equals(exchange.getRequestHeaders().getFirst("X-Sms-Signature"));
    } catch (Exception e) {
      return false;
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
