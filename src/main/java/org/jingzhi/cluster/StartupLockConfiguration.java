package org.jingzhi.cluster;

import java.util.Arrays;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine is built only once this node holds the {@link StartupLock}. */
@Configuration
class StartupLockConfiguration {

  static final String LOCK = "startupLock";
  static final String ENGINE = "processEngineFactoryBean";

  @Bean(LOCK)
  StartupLock startupLock(DataSource dataSource) throws java.sql.SQLException {
    return new StartupLock(dataSource);
  }

  @Bean
  static BeanFactoryPostProcessor engineAfterStartupLock() {
    return beans -> dependOnLock(beans);
  }

  private static void dependOnLock(ConfigurableListableBeanFactory beans) {
    if (!beans.containsBeanDefinition(ENGINE)) {
      return;
    }
    BeanDefinition engine = beans.getBeanDefinition(ENGINE);
    String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
    if (!Arrays.asList(dependsOn).contains(LOCK)) {
      String[] withLock = Arrays.copyOf(dependsOn, dependsOn.length + 1);
      withLock[dependsOn.length] = LOCK;
      engine.setDependsOn(withLock);
    }
  }
}
