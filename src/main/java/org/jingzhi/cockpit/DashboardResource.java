package org.jingzhi.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.springframework.context.ApplicationContext;

/** {@code GET …/dashboard}: the figures of the dashboard 「效能督查」. */
public class DashboardResource extends AbstractCockpitPluginResource {

  private final ApplicationContext beans;

  DashboardResource(String engineName, ApplicationContext beans) {
    super(engineName);
    this.beans = beans;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public SupervisionDashboard.Figures figures() {
    beans.getBean(Overseers.class).require();
    return beans.getBean(SupervisionDashboard.class).figures();
  }
}
