package org.jingzhi.notice;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jingzhi.notice.*}: where the templates are, the address citizens open from an SMS, how the dispatcher retries,
 * and the SMS gateway. E-mail is Spring Boot's own {@code spring.mail.*} (no host: no e-mail).
 */
@ConfigurationProperties("jingzhi.notice")
public record NoticeSettings(String templates, String publicUrl, Dispatch dispatch, Sms sms, Mail mail) {

  public NoticeSettings {
    templates = templates == null || templates.isBlank() ? "classpath:notice/templates.yaml" : templates;
    publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    dispatch = dispatch == null ? new Dispatch(null, null, null, null, null, null) : dispatch;
    sms = sms == null ? new Sms(null, null, null, null, null, null, null) : sms;
    mail = mail == null ? new Mail(null) : mail;
  }

  /**
   * A notice that fails is tried again after {@code firstRetryAfter}, then twice as long each time up to
   * {@code longestRetryAfter}, and given up after {@code maxAttempts} attempts. {@code every}: how often a node looks
   * for due notices (0s: never; tests dispatch themselves); at most {@code batch} deliveries a round. A unit's e-mails due
   * at once go as one e-mail, up to {@code together} notices (1, or less: each its own).
   */
  public record Dispatch(Duration every, Integer batch, Integer together, Integer maxAttempts, Duration firstRetryAfter,
                         Duration longestRetryAfter) {

    public Dispatch {
      every = every == null ? Duration.ofSeconds(5) : every;
      batch = batch == null || batch < 1 ? 100 : batch;
      together = together == null ? 100 : Math.max(1, together);
      maxAttempts = maxAttempts == null || maxAttempts < 1 ? 8 : maxAttempts;
      firstRetryAfter = firstRetryAfter == null ? Duration.ofSeconds(30) : firstRetryAfter;
      longestRetryAfter = longestRetryAfter == null ? Duration.ofHours(2) : longestRetryAfter;
    }

    Duration retryAfter(int attempts) {
      Duration wait = firstRetryAfter;
      for (int i = 1; i < attempts && wait.compareTo(longestRetryAfter) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      return wait.compareTo(longestRetryAfter) > 0 ? longestRetryAfter : wait;
    }
  }

  /**
   * The HTTP SMS gateway. No {@code url}: SMS are written to the log (masked) and count as sent — the local run and
   * the demo. {@code permanentCodes}: the gateway's result codes that no retry can cure (the notice is given up at
   * once); any other code, an HTTP error or a timeout is tried again.
   */
  public record Sms(String url, String accessKeyId, String accessKeySecret, String signName, Duration connectTimeout,
                    Duration readTimeout, List<String> permanentCodes) {

    public Sms {
      url = url == null || url.isBlank() ? null : url.trim();
      signName = signName == null || signName.isBlank() ? "示范市政务服务" : signName;
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
      permanentCodes = permanentCodes == null ? List.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL",
          "isv.SMS_SIGNATURE_ILLEGAL", "isv.TEMPLATE_MISSING_PARAMETERS", "isv.TEMPLATE_PARAMS_ILLEGAL") : List.copyOf(permanentCodes);
    }

    public boolean configured() {
      return url != null;
    }
  }

  /** {@code from}: the sender of e-mail notices. */
  public record Mail(String from) {

    public Mail {
      from = from == null || from.isBlank() ? "noreply@localhost" : from;
    }
  }
}
