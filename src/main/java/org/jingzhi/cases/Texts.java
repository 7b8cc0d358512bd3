package org.jingzhi.cases;

/** Text as users submit it: trimmed, and empty meaning absent. */
public final class Texts {

  private Texts() {
  }

  public static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }
}
