package org.jingzhi.deadlines;

import java.util.Arrays;
import java.util.Date;
import java.util.Optional;

/**
 * Time not counted in the limits (不计入时限, 行政许可法第四十五条): a department's hearing, testing, expert review or
 * tendering, started with its expected length and ended when the result arrives. {@code stoppedCase}: it stopped the case
 * total too (not when the total had already passed).
 */
public record ExcludedPeriod(long id, String caseNumber, String processInstanceId, String unit, Kind kind, int expectedDays, String reason,
                             String startedBy, Date startedAt, Date expectedEnd, String endedBy, Date endedAt, String result,
                             boolean stoppedCase) {

  public boolean open() {
    return endedAt == null;
  }

  /** The kinds of time the law leaves out of the limits, as clients name them. */
  public enum Kind {
    HEARING("hearing", "听证"),
    TESTING("testing", "检验检测检疫"),
    EXPERT_REVIEW("expert-review", "专家评审"),
    TENDERING("tendering", "招标拍卖");

    public final String code;
    public final String label;

    Kind(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public static Optional<Kind> of(String code) {
      return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }

    /** 「hearing（听证）、testing（检验检测检疫）…」 for messages. */
    public static String choices() {
      return String.join("、", Arrays.stream(values()).map(kind -> kind.code + "（" + kind.label + "）").toList());
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
      return code;
    }
  }
}
