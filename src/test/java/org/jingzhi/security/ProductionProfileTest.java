package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.jingzhi.organization.Organization;
import org.jingzhi.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile, on a database of its own so that no demo data can leak in. Its engine has a
 * name of its own: the webapps find engines by name in a JVM-wide registry, and a second engine
 * called "default" would capture the requests of the other tests' application.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:production-profile;DB_CLOSE_DELAY=-1",
    "spring.datasource.username=sa",
    "spring.datasource.password=",
    "jingzhi.organization.units=classpath:organization/test-city.yaml",
    "camunda.bpm.admin-user.id=admin",
    "camunda.bpm.admin-user.password=Gz7#river-Lamp-2026",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.process-engine-name=" + ProductionProfileTest.ENGINE})
@ActiveProfiles("production")
class ProductionProfileTest {

  static final String ENGINE = "production";

  @Autowired
  ProcessEngine engine;
  @Autowired
  Organization organization;
  @LocalServerPort
  int port;

  @Test
  void thePasswordPolicyIsOn() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.isEnablePasswordPolicy()).isTrue();
    assertThat(engine.getIdentityService().checkPasswordAgainstPolicy("demo").isValid()).isFalse();
  }

  @Test
  void thereAreNoDemoUsers() {
    assertThat(engine.getIdentityService().createUserQuery().list()).extracting(user -> user.getId()).containsExactly("admin");
    assertThat(engine.getIdentityService().createGroupQuery().groupId("990101001001").count()).as("the units are loaded").isOne();
  }

  @Test
  void sessionCookiesAreSecureHttpOnlyAndStrict() throws Exception {
    HttpResponse<String> login = WebappSession.login(port, ENGINE, "tasklist", "admin", "Gz7#river-Lamp-2026");

    assertThat(login.statusCode()).isEqualTo(200);
    String cookie = login.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("JSESSIONID")).findFirst().orElseThrow();
    assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
  }

  @Test
  void refusesToRunWithTheDemoProfile() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("production", "demo");

    assertThatThrownBy(() -> ProfileGuard.check(environment)).hasMessageContaining("exclude each other");
  }

  @Test
  void refusesToRunWithoutTheCitysOwnUnits() {
    MockEnvironment unset = new MockEnvironment().withProperty("jingzhi.organization.units", "${JINGZHI_ORGANIZATION_UNITS}");
    unset.setActiveProfiles("production");
    MockEnvironment demoCity = new MockEnvironment().withProperty("jingzhi.organization.units", "classpath:organization/demo-city.yaml");
    demoCity.setActiveProfiles("production");

    assertThatThrownBy(() -> ProfileGuard.check(unset)).hasMessageContaining("JINGZHI_ORGANIZATION_UNITS");
    assertThatThrownBy(() -> ProfileGuard.check(demoCity)).hasMessageContaining("demo city");
  }

  @Test
  void refusesDemoUsersAndTheDemoPasswordInItsDatabase() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.setEnablePasswordPolicy(false); // as on a database the demo once ran on
    try {
      engine.getIdentityService().saveUser(newUser("liuan", "Gz7#river-Lamp-2026"));
      engine.getIdentityService().saveUser(newUser("zhangwei", "demo"));
    } finally {
      configuration.setEnablePasswordPolicy(true);
    }
    try {
      assertThat(DemoLeftoversGuard.leftovers(engine, organization)).containsExactlyInAnyOrder("liuan（演示用户）", "zhangwei（密码 demo）");
      assertThatThrownBy(() -> new DemoLeftoversGuard(engine, organization)).hasMessageContaining("liuan").hasMessageContaining("zhangwei")
          .hasMessageContaining("DELETE /engine-rest/user/{id}");
    } finally {
      engine.getIdentityService().deleteUser("liuan");
      engine.getIdentityService().deleteUser("zhangwei");
    }
    assertThat(DemoLeftoversGuard.leftovers(engine, organization)).isEmpty();
  }

  private org.camunda.bpm.engine.identity.User newUser(String id, String password) {
    org.camunda.bpm.engine.identity.User user = engine.getIdentityService().newUser(id);
    user.setPassword(password);
    return user;
  }

  @Test
  void refusesAnAdministratorWithoutPassword() {
    MockEnvironment environment = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "").withProperty("jingzhi.organization.units", "file:/etc/jingzhi/organization.yaml");
    environment.setActiveProfiles("production");

    assertThatThrownBy(() -> ProfileGuard.check(environment)).hasMessageContaining("CAMUNDA_BPM_ADMIN_USER_PASSWORD");
  }
}
