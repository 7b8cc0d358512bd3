package org.jingzhi.escalation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jingzhi.cases.ActiveActivities;
import org.jingzhi.cases.StatusCount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The running events counted by status, for supervisors. */
@Component
public class OpenEvents {

  /** Events with a summoned department that has not reported yet: its task is in the level's instance, which the event calls. */
  private static final String WAITING_FOR_REPORTS = """
      SELECT DISTINCT caller.PROC_INST_ID_ FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
      JOIN ACT_RU_EXECUTION level ON level.ID_ = t.PROC_INST_ID_ JOIN ACT_RU_EXECUTION caller ON caller.ID_ = level.SUPER_EXEC_
      WHERE d.KEY_ = ? AND t.TASK_DEF_KEY_ = ?""";

  private final ActiveActivities activities;
  private final JdbcTemplate jdbc;

  public OpenEvents(ActiveActivities activities, JdbcTemplate jdbc) {
    this.activities = activities;
    this.jdbc = jdbc;
  }

  /** Every running status in the order of {@link EventStatus}, with its count (0 included). */
  public List<StatusCount> byStatus() {
    Set<String> waiting = new HashSet<>(jdbc.queryForList(WAITING_FOR_REPORTS, String.class, EscalationProcess.LEVEL_KEY,
        EscalationProcess.REPORT));
    Map<EventStatus, Long> counts = new HashMap<>();
    activities.byInstance(EscalationProcess.KEY)
        .forEach((event, active) -> counts.merge(EventStatus.of(true, active, waiting.contains(event)), 1L, Long::sum));
    return EventStatus.RUNNING.stream().map(status -> new StatusCount(status.name(), status.label, counts.getOrDefault(status, 0L))).toList();
  }
}
