package org.jingzhi.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jingzhi.approval.JointApprovalProcess;
import org.jingzhi.organization.Organization;
import org.springframework.context.ApplicationContext;

/**
 * {@code GET …/deadlines?state=overdue|soon|all&window=24&process=…&unit=…&category=…&level=…&sort=due|number|unit|task
 * &order=asc|desc&firstResult=0&maxResults=50}:
 * the SLA monitor 「时限监控」. Bad parameters get 400 with a Chinese message. The command centre sees the
 * events' work only, not the joint-approval cases.
 */
public class DeadlinesResource extends OverseerResource {

  DeadlinesResource(String engineName, ApplicationContext beans) {
    super(engineName, beans);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public DeadlineMonitor.DeadlinePage deadlines(@Context UriInfo uri) {
    DeadlineMonitor monitor = forOverseer(DeadlineMonitor.class);
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    List<DeadlineMonitor.Category> categories = monitor.categories();
    DeadlineFilter filter = DeadlineFilter.of(query, bean(Organization.class), categories.stream().map(DeadlineMonitor.Category::code).toList());
    String process = query.getFirst("process");
    Overseers overseers = bean(Overseers.class);
    if (!overseers.readsEverything()) {
      if (JointApprovalProcess.KEY.equals(process)) {
        overseers.requireCaseReader("联合审批案件");
      }
      filter = filter.eventsOnly();
    }
    return monitor.page(filter, categories);
  }
}
