package org.jingzhi.cockpit;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.springframework.context.ApplicationContext;

/** A resource of the plugin: answers overseers only ({@link Overseers}) and works with the application's beans. */
abstract class OverseerResource extends AbstractCockpitPluginResource {

  private final ApplicationContext beans;

  OverseerResource(String engineName, ApplicationContext beans) {
    super(engineName);
    this.beans = beans;
  }

  /** The bean, once the caller is known to be an overseer (403 otherwise). */
  <T> T forOverseer(Class<T> type) {
    beans.getBean(Overseers.class).require();
    return beans.getBean(type);
  }

  <T> T bean(Class<T> type) {
    return beans.getBean(type);
  }
}
