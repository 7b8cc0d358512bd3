package org.jingzhi.notice;

import java.util.Date;
import java.util.List;
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

  /**
   * One message for several notices to units due at once to the same address on the same channel, the oldest first: its
   * subject names how many and the first, its text gives each notice's title and text. What the channel hands on; each
   * notice keeps its own row, state and place in the unit's list.
   */
  static Notice together(List<Notice> notices) {
    Notice first = notices.get(0);
    StringBuilder body = new StringBuilder("共 " + notices.size() + " 条通知，按时间先后：\n");
    for (int i = 0; i < notices.size(); i++) {
      body.append("\n").append(i + 1).append(". ").append(notices.get(i).title()).append("\n").append(notices.get(i).body()).append("\n");
    }
    Delivery delivery = new Delivery(first.channel(), first.delivery().address(), null, Map.of(), first.status(), first.delivery().attempts(),
        first.delivery().nextAttemptAt(), null, null, null);
    return new Notice(null, first.kind(), null, null, first.recipientKind(), first.recipient(),
        notices.size() + " 条通知：" + first.title() + " 等", body.toString(), first.createdAt(), delivery);
  }

  public Status status() {
    return delivery.status();
  }
}
