package org.jingzhi.notice;

import java.util.Date;
import java.util.Map;
import java.util.regex.Pattern;
import org.jingzhi.cases.PersonalData;

/**
 * A notice as recorded in {@code jz_notice}: one message to one recipient on one channel. {@code recipientKind} is
 * {@code UNIT} (a group id in {@code recipient}), {@code APPLICANT} or {@code REPORTER} (the person's mobile number or
 * e-mail address in {@code recipient}).
 */
public record Notice(Long id, NoticeKind kind, String processInstanceId, String caseNumber, String recipientKind, String recipient,
                     String title, String body, Date createdAt, Delivery delivery) {

  public static final String UNIT = "UNIT";
  public static final String APPLICANT = "APPLICANT";
  public static final String REPORTER = "REPORTER";

  /** How and where it goes, and how far it got. */
  public record Delivery(Channel channel, String address, String template, Map<String, String> parameters, Status status,
                         int attempts, Date nextAttemptAt, String lastError, Date sentAt, Date readAt) {
  }

  public enum Channel {
    /** The unit's own list in the platform. */
    IN_APP,
    SMS,
    EMAIL,
    /** The person left neither a mobile number nor an e-mail address: the window must tell them. */
    NONE
  }

  public enum Status {
    PENDING, SENT, FAILED, GIVEN_UP
  }

  private static final Pattern LINK_SECRET = Pattern.compile("#[A-Za-z0-9_-]{32,}");

  /**
   * The body as the platform shows it (case trail, lists): mobile numbers masked and the secret of a link (a citizen's
   * single-use return-visit token) left out, so that no staff member can answer in the citizen's place.
   */
  public String shownBody() {
    return body == null ? null : LINK_SECRET.matcher(PersonalData.maskMobilesIn(body)).replaceAll("#（链接仅发给本人）");
  }

  public Channel channel() {
    return delivery.channel();
  }

  public Status status() {
    return delivery.status();
  }
}
