package org.jingzhi.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jingzhi.cases.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * SMS through an HTTP gateway shaped like the common Chinese cloud SMS APIs (阿里云 SendSms): a JSON POST of
 * {@code PhoneNumbers}, {@code SignName}, {@code TemplateCode}, {@code TemplateParam} (a JSON string) and {@code OutId}
 * (the notice's own id, the same on every attempt, so a gateway that keeps them drops a repeat), signed with HMAC-SHA256 over
 * {@code timestamp + "\n" + body} with the access key secret; the answer's {@code Code} is {@code OK} or says why not.
 * A city whose provider signs differently puts a small adapter at {@code jingzhi.notice.sms.url}. Without a URL the
 * text is written to the log, the number masked.
 */
@Component
class SmsChannel implements DeliveryChannel {

  private static final Logger LOG = LoggerFactory.getLogger(SmsChannel.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final NoticeSettings.Sms settings;
  private final NoticeTexts texts;
  private final HttpClient http;

  SmsChannel(NoticeSettings settings, NoticeTexts texts) {
    this.settings = settings.sms();
    this.texts = texts;
    this.http = HttpClient.newBuilder().connectTimeout(this.settings.connectTimeout()).build();
    if (this.settings.configured() && (this.settings.accessKeySecret() == null || this.settings.accessKeySecret().isBlank())) {
      throw new IllegalStateException("jingzhi.notice.sms.url is set but not jingzhi.notice.sms.access-key-secret (JINGZHI_SMS_ACCESS_KEY_SECRET)");
    }
  }

  @Override
  public Notice.Channel channel() {
    return Notice.Channel.SMS;
  }

  @Override
  public void deliver(Notice notice) throws DeliveryFailure {
    String templateId = notice.delivery().template();
    NoticeTexts.Text text = texts.find(templateId)
        .orElseThrow(() -> DeliveryFailure.permanent("未知的通知模板「" + templateId + "」：通知模板文件中没有它"));
    if (text.sms() == null || text.sms().isBlank()) {
      throw DeliveryFailure.permanent("通知模板「" + templateId + "」没有短信模板编号（sms）");
    }
    if (!settings.configured()) {
      LOG.info("SMS {} to {} (no gateway configured, written to the log only): {}", text.sms(),
          PersonalData.maskPhone(notice.delivery().address()), PersonalData.maskMobilesIn(notice.body()));
      return;
    }
    String body = requestBody(notice, text.sms());
    HttpResponse<String> response = post(body);
    if (response.statusCode() != 200) {
      throw DeliveryFailure.temporary("短信网关返回 HTTP " + response.statusCode());
    }
    JsonNode answer = parse(response.body());
    String code = answer.path("Code").asText("");
    if ("OK".equals(code)) {
      return;
    }
    String message = "短信网关拒绝：" + code + " " + answer.path("Message").asText("");
    throw settings.permanentCodes().contains(code) ? DeliveryFailure.permanent(message) : DeliveryFailure.temporary(message);
  }

  private String requestBody(Notice notice, String templateCode) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("PhoneNumbers", notice.delivery().address());
    request.put("SignName", settings.signName());
    request.put("TemplateCode", templateCode);
    try {
      request.put("TemplateParam", JSON.writeValueAsString(notice.delivery().parameters()));
      request.put("OutId", "jz-notice-" + notice.id());
      return JSON.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> post(String body) throws DeliveryFailure {
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url()))
        .timeout(settings.readTimeout())
        .header("Content-Type", "application/json;charset=UTF-8")
        .header("X-Sms-Access-Key-Id", settings.accessKeyId() == null ? "" : settings.accessKeyId())
        .header("X-Sms-Timestamp", timestamp)
        .header("X-Sms-Signature", sign(timestamp + "\n" + body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw DeliveryFailure.temporary("短信网关无应答：" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryFailure.temporary("发送被中断");
    }
  }

  private String sign(String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(settings.accessKeySecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) throws DeliveryFailure {
    try {
      return JSON.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw DeliveryFailure.temporary("短信网关的应答不是 JSON");
    }
  }
}
