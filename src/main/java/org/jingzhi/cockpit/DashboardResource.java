package org.jingzhi.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.springframework.context.ApplicationContext;

/** {@code GET …/dashboard}: the figures of the dashboard 「效能督查」. */
public class DashboardResource extends OverseerResource {

  DashboardResource(String engineName, ApplicationContext beans) {
    super(engineName, beans);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public SupervisionDashboard.Figures figures() {
    return forOverseer(SupervisionDashboard.class).figures();
  }
}
