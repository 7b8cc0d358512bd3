package org.jingzhi.engine;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Our Flyway migrations add indexes to the engine's own tables (ACT_*), which the engine creates when it
 * starts on an empty database; so Flyway runs after the engine, not whenever Spring happens to create it.
 */
@Component
class MigrationsAfterEngineSchema implements BeanFactoryPostProcessor {

  static final String FLYWAY = "flywayInitializer";
  static final String ENGINE = "processEngineFactoryBean";

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
    if (!beans.containsBeanDefinition(FLYWAY) || !beans.containsBeanDefinition(ENGINE)) {
      return;
    }
    BeanDefinition flyway = beans.getBeanDefinition(FLYWAY);
    String[] dependsOn = flyway.getDependsOn() == null ? new String[0] : flyway.getDependsOn();
    if (!Arrays.asList(dependsOn).contains(ENGINE)) {
      String[] withEngine = Arrays.copyOf(dependsOn, dependsOn.length + 1);
      withEngine[dependsOn.length] = ENGINE;
      flyway.setDependsOn(withEngine);
    }
  }
}
