package org.jingzhi.organization;

import java.util.List;

/**
 * The users to provision. {@code initialPassword} is set only when a user is created; without it,
 * new users cannot log in until an administrator sets their password. With
 * {@code staffEveryUnit}, a unit nobody works in gets a user {@code u<code>}.
 */
public record Staff(List<StaffMember> members, String initialPassword, boolean staffEveryUnit) {

  public static Staff none() {
    return new Staff(List.of(), null, false);
  }
}
