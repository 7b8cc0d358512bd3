package org.jingzhi.notice;

import java.util.regex.Pattern;
import org.jingzhi.cases.PersonalData;

/** An applicant or a reporter, as far as telling them goes: SMS to a mobile number, e-mail to an address. */
public record Person(String kind, String mobile, String email) {

  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  public Person {
    mobile = mobile != null && MOBILE.matcher(mobile.trim()).matches() ? mobile.trim() : null;
    email = email != null && PersonalData.isEmail(email.trim()) ? email.trim() : null;
  }

  public static Person applicant(Object phone, Object email) {
    return new Person(Notice.APPLICANT, text(phone), text(email));
  }

  public static Person reporter(Object phone) {
    return new Person(Notice.REPORTER, text(phone), null);
  }

  private static String text(Object value) {
    return value instanceof String text && !text.isBlank() ? text : null;
  }
}
