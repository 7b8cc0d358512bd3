package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.jingzhi.organization.Organization;
import org.jingzhi.security.PlatformCall;
import org.jingzhi.web.InvalidRequestException;
import org.springframework.stereotype.Service;

/** Reporting events on behalf of the logged-in hotline operator, grid worker or window clerk. */
@Service
public class Events {

  private final RuntimeService runtime;
  private final EventCatalogue catalogue;
  private final Organization organization;

  public Events(RuntimeService runtime, EventCatalogue catalogue, Organization organization) {
    this.runtime = runtime;
    this.catalogue = catalogue;
    this.organization = organization;
  }

  /** Starts the chain as the logged-in user; the engine refuses users who may not report. */
  public ReportedEvent report(EventRequest request) {
    if (request == null) {
      throw new InvalidRequestException("缺少请求体");
    }
    EventReport report = request.toReport();
    List<String> problems = report.problems(catalogue, organization);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("事件信息有误：" + String.join("；", problems));
    }
    ProcessInstanceWithVariables started = PlatformCall.call(() -> runtime.createProcessInstanceByKey(KEY).setVariables(report.variables())
        .executeWithVariablesInReturn());
    return new ReportedEvent((String) started.getVariables().get(EVENT_NUMBER), started.getId());
  }
}
