package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jingzhi.JingzhiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database that once ran the demo (demo/demo is an administrator there) does not become a
 * production system: the production start refuses, naming the demo users. Each start gets an engine
 * name of its own (engines are registered by name JVM-wide).
 */
class DemoDatabaseInProductionTest {

  static final String DATABASE = "--spring.datasource.url=jdbc:h2:mem:demo-then-production;DB_CLOSE_DELAY=-1";

  @Test
  void aProductionStartOnADemoDatabaseRefusesAndNamesTheDemoUsers() {
    try (ConfigurableApplicationContext demo = start("demo", "--camunda.bpm.process-engine-name=demo-database")) {
      demo.getBean(JingzhiApplication.class);
    }

    assertThatThrownBy(() -> start("production", "--camunda.bpm.process-engine-name=demo-database-production",
        "--jingzhi.organization.units=classpath:organization/test-city.yaml", "--camunda.bpm.admin-user.id=admin",
        "--camunda.bpm.admin-user.password=Gz7#river-Lamp-2026").close())
        .hasStackTraceContaining("生产环境拒绝启动").hasStackTraceContaining("demo（演示用户，密码 demo）").hasStackTraceContaining("window（演示用户，密码 demo）");
  }

  private static ConfigurableApplicationContext start(String profile, String... arguments) {
    String[] all = new String[arguments.length + 5];
    System.arraycopy(arguments, 0, all, 0, arguments.length);
    all[arguments.length] = DATABASE;
    all[arguments.length + 1] = "--spring.datasource.username=sa";
    all[arguments.length + 2] = "--spring.datasource.password=";
    all[arguments.length + 3] = "--server.port=0";
    all[arguments.length + 4] = "--camunda.bpm.job-execution.enabled=false";
    return new SpringApplicationBuilder(JingzhiApplication.class).profiles(profile).run(all);
  }
}
