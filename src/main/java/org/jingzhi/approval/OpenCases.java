package org.jingzhi.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jingzhi.cases.ActiveActivities;
import org.jingzhi.cases.StatusCount;
import org.springframework.stereotype.Component;

/** The running joint-approval cases counted by status, for supervisors. */
@Component
public class OpenCases {

  private final ActiveActivities activities;

  public OpenCases(ActiveActivities activities) {
    this.activities = activities;
  }

  /** Every running status in the order of {@link CaseStatus}, with its count (0 included). */
  public List<StatusCount> byStatus() {
    Map<CaseStatus, Long> counts = new HashMap<>();
    activities.byInstance(JointApprovalProcess.KEY).values().forEach(active -> counts.merge(CaseStatus.ofRunning(active), 1L, Long::sum));
    return CaseStatus.RUNNING.stream().map(status -> new StatusCount(status.name(), status.label, counts.getOrDefault(status, 0L))).toList();
  }
}
