package org.jingzhi.security;

import java.util.Arrays;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The production profile refuses to start next to the demo profile and its well-known passwords, or
 * with an administrator whose password was left out.
 */
@Component
@Profile("production")
class ProfileGuard {

  ProfileGuard(Environment environment) {
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      throw new IllegalStateException("The profiles 'production' and 'demo' exclude each other: demo users have the password 'demo'");
    }
    String adminId = environment.getProperty("camunda.bpm.admin-user.id");
    String adminPassword = environment.getProperty("camunda.bpm.admin-user.password");
    if (adminId != null && !adminId.isBlank() && (adminPassword == null || adminPassword.isBlank())) {
      throw new IllegalStateException("The administrator " + adminId + " needs a password: set CAMUNDA_BPM_ADMIN_USER_PASSWORD");
    }
  }
}
