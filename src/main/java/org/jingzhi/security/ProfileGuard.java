package org.jingzhi.security;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The production profile refuses to start next to the demo profile and its well-known passwords,
 * without the city's own organization file (never the bundled demo city), or with an administrator
 * whose password was left out. {@link DemoLeftoversGuard} checks the database for demo users.
 */
@Component
@Profile("production")
class ProfileGuard implements BeanFactoryPostProcessor, EnvironmentAware {

  static final String DEMO_CITY = "organization/demo-city.yaml";

  @Override
  public void setEnvironment(Environment environment) {
    check(environment);
  }

  static void check(Environment environment) {
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      throw new IllegalStateException("The profiles 'production' and 'demo' exclude each other: demo users have the password 'demo'");
    }
    String units = unitsFile(environment);
    if (units == null) {
      throw new IllegalStateException("Production needs the city's organization file: set JINGZHI_ORGANIZATION_UNITS, "
          + "e.g. file:/etc/jingzhi/organization.yaml (生产环境须指定本市的组织机构文件)");
    }
    if (units.contains(DEMO_CITY)) {
      throw new IllegalStateException("Production refuses the demo city's units (" + units + "): set JINGZHI_ORGANIZATION_UNITS to the "
          + "city's own organization file (生产环境不能使用演示城市的组织机构)");
    }
    String adminId = environment.getProperty("camunda.bpm.admin-user.id");
    String adminPassword = environment.getProperty("camunda.bpm.admin-user.password");
    if (adminId != null && !adminId.isBlank() && (adminPassword == null || adminPassword.isBlank())) {
      throw new IllegalStateException("The administrator " + adminId + " needs a password: set CAMUNDA_BPM_ADMIN_USER_PASSWORD");
    }
  }

  /** A bean factory post-processor only so that its checks run before any other bean is made (no constructor injection there). */
  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
  }

  /** The configured organization file, or null when none is (an unset JINGZHI_ORGANIZATION_UNITS). */
  private static String unitsFile(Environment environment) {
    try {
      String units = environment.getProperty("jingzhi.organization.units");
      return units == null || units.isBlank() || units.contains("${") ? null : units;
    } catch (IllegalArgumentException unresolvedPlaceholder) {
      return null;
    }
  }
}
