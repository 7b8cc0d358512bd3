package org.jingzhi.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jingzhi.organization.Organization;
import org.springframework.context.ApplicationContext;

/**
 * {@code GET …/deadlines?state=overdue|soon|all&window=24&process=…&unit=…&firstResult=0&maxResults=50}:
 * the SLA monitor 「时限监控」. Bad parameters get 400 with a Chinese message.
 */
public class DeadlinesResource extends OverseerResource {

  DeadlinesResource(String engineName, ApplicationContext beans) {
    super(engineName, beans);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public DeadlineMonitor.DeadlinePage deadlines(@QueryParam("state") String state, @QueryParam("window") String window,
                                                @QueryParam("process") String process, @QueryParam("unit") String unit,
                                                @QueryParam("firstResult") String firstResult, @QueryParam("maxResults") String maxResults) {
    DeadlineMonitor monitor = forOverseer(DeadlineMonitor.class);
    return monitor.page(DeadlineFilter.of(state, window, process, unit, firstResult, maxResults, bean(Organization.class)));
  }
}
