package org.jingzhi.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jingzhi.approval.JointApprovalProcess;
import org.jingzhi.organization.Organization;
import org.springframework.context.ApplicationContext;

/**
 * {@code GET …/deadlines?state=overdue|soon|all&window=24&process=…&unit=…&firstResult=0&maxResults=50}:
 * the SLA monitor 「时限监控」. Bad parameters get 400 with a Chinese message. The command centre sees the
 * events' work only, not the joint-approval cases.
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
    DeadlineFilter filter = DeadlineFilter.of(state, window, process, unit, firstResult, maxResults, bean(Organization.class));
    Overseers overseers = bean(Overseers.class);
    if (!overseers.readsEverything()) {
      if (JointApprovalProcess.KEY.equals(process)) {
        overseers.requireCaseReader("联合审批案件");
      }
      filter = filter.eventsOnly();
    }
    return monitor.page(filter);
  }
}
