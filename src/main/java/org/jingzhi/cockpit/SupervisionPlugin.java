package org.jingzhi.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin 「效能督查」 for the supervision office, the command centre and administrators:
 * found by Cockpit through {@code META-INF/services}; its front end is
 * {@code plugin-webapp/jingzhi-supervision/app/plugin.js}, its API
 * {@code /camunda/api/cockpit/plugin/jingzhi-supervision/{engine}/…}.
 */
public class SupervisionPlugin extends AbstractCockpitPlugin {

  public static final String ID = "jingzhi-supervision";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(SupervisionRootResource.class);
  }
}
