package org.jingzhi.cases;

import java.util.regex.Pattern;

/**
 * Checks and masks the personal data of applicants and reporters: resident identity numbers
 * (GB 11643, with check digit), unified social credit codes (GB 32100, with check character) and
 * phone numbers.
 */
public final class PersonalData {

  private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";
  private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final Pattern MOBILE_IN_TEXT = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,63}");
  private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

  private PersonalData() {
  }

  public static boolean isIdNumber(String value) {
    if (value == null || !ID_NUMBER.matcher(value).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (value.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return ID_CHECK.charAt(sum % 11) == value.charAt(17);
  }

  public static boolean isCreditCode(String value) {
    if (value == null || value.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int code = CREDIT_CHARS.indexOf(value.charAt(i));
      if (code < 0) {
        return false;
      }
      sum += code * CREDIT_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return CREDIT_CHARS.charAt(check) == value.charAt(17);
  }

  /** One mailbox, no spaces or line breaks; what the start form's pattern also asks. */
  public static boolean isEmail(String value) {
    return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
  }

  public static boolean isPhone(String value) {
    return value != null && PHONE.matcher(value).matches();
  }

  /** 138****5678 */
  public static String maskPhone(String phone) {
    if (phone == null || phone.length() < 7) {
      return phone == null ? null : "****";
    }
    return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
  }

  /** Every mobile number in a free text, masked: for logs and any text a person's number may have slipped into. */
  public static String maskMobilesIn(String text) {
    return text == null ? null : MOBILE_IN_TEXT.matcher(text).replaceAll(found -> maskPhone(found.group()));
  }

  /** z***@example.cn: the first character of the mailbox and the domain stay. */
  public static String maskEmail(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }

  /** 1101**********002X: the region and the last four stay. */
  public static String maskIdentifier(String value) {
    if (value == null) {
      return null;
    }
    if (value.length() <= 8) {
      return "*".repeat(value.length());
    }
    return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
  }

  /** *, 张*, 张*丰: the family name and, for longer names, the last character stay; a single character is hidden. */
  public static String maskName(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int[] chars = name.codePoints().toArray();
    if (chars.length == 1) {
      return "*";
    }
    if (chars.length == 2) {
      return new String(chars, 0, 1) + "*";
    }
    return new String(chars, 0, 1) + "*".repeat(chars.length - 2) + new String(chars, chars.length - 1, 1);
  }
}
