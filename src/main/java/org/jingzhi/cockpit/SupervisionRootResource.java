package org.jingzhi.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** The plugin's API; Cockpit's JAX-RS application creates it per request, so Spring beans come from the servlet context. */
@Path("plugin/" + SupervisionPlugin.ID)
public class SupervisionRootResource extends AbstractCockpitPluginRootResource {

  public SupervisionRootResource() {
    super(SupervisionPlugin.ID);
  }

  @Path("{engineName}/dashboard")
  public DashboardResource dashboard(@PathParam("engineName") String engineName) {
    return subResource(new DashboardResource(engineName, beans()), engineName);
  }

  @Path("{engineName}/deadlines")
  public DeadlinesResource deadlines(@PathParam("engineName") String engineName) {
    return subResource(new DeadlinesResource(engineName, beans()), engineName);
  }

  @Path("{engineName}/trail/{number}")
  public TrailResource trail(@PathParam("engineName") String engineName, @PathParam("number") String number) {
    return subResource(new TrailResource(engineName, beans(), number), engineName);
  }

  @Path("{engineName}/rates")
  public RatesResource rates(@PathParam("engineName") String engineName) {
    return subResource(new RatesResource(engineName, beans()), engineName);
  }

  @Path("{engineName}/overdue-records")
  public OverdueRecordsResource overdueRecords(@PathParam("engineName") String engineName) {
    return subResource(new OverdueRecordsResource(engineName, beans()), engineName);
  }

  @Path("{engineName}/notices")
  public UndeliveredNoticesResource notices(@PathParam("engineName") String engineName) {
    return subResource(new UndeliveredNoticesResource(engineName, beans()), engineName);
  }

  private ApplicationContext beans() {
    return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
  }
}
