package org.jingzhi.cockpit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.approval.JointApprovalProcess;
import org.jingzhi.approval.OpenCases;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.cases.StatusCount;
import org.jingzhi.escalation.EscalationProcess;
import org.jingzhi.responsibility.AdjudicationProcess;
import org.jingzhi.escalation.OpenEvents;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.Notices;
import org.jingzhi.supervision.OverdueSupervision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The numbers of the Cockpit dashboard 「效能督查」, on the engine clock, the same for every overseer. */
@Component
public class SupervisionDashboard {

  /** The processes whose tasks are the monitored work (a supervision case is the supervisors' own). */
  static final List<String> MONITORED = List.of(JointApprovalProcess.KEY, EscalationProcess.KEY, EscalationProcess.LEVEL_KEY,
      AdjudicationProcess.KEY);
  static final Duration SOON = Duration.ofHours(24);

  private static final String OPEN_TASKS_DUE_BETWEEN = """
      SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
      WHERE d.KEY_ IN (?, ?, ?, ?) AND t.DUE_DATE_ >= ? AND t.DUE_DATE_ < ?""";
  private static final String RUNNING_INSTANCES = """
      SELECT COUNT(*) FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_
      WHERE d.KEY_ = ? AND e.ID_ = e.PROC_INST_ID_""";

  private final JdbcTemplate jdbc;
  private final OpenCases cases;
  private final OpenEvents events;
  private final Notices notices;
  private final ZoneId zone;

  SupervisionDashboard(JdbcTemplate jdbc, OpenCases cases, OpenEvents events, Notices notices, CalendarProperties calendar) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.events = events;
    this.notices = notices;
    this.zone = calendar.getZone();
  }

  public Figures figures() {
    Date now = ClockUtil.getCurrentTime();
    Date soon = Date.from(now.toInstant().plus(SOON));
    Date startOfToday = startOfDay(now, zone);
    return new Figures(now, cases.byStatus(), events.byStatus(), openTasksDueBetween(new Date(0), now), openTasksDueBetween(now, soon),
        count(RUNNING_INSTANCES, OverdueSupervision.SUPERVISION_PROCESS), notices.countSince(NoticeKind.REMINDER, startOfToday));
  }

  /** Midnight of the day the moment falls on, in the city. */
  static Date startOfDay(Date moment, ZoneId zone) {
    return Date.from(moment.toInstant().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant());
  }

  private long openTasksDueBetween(Date from, Date to) {
    return count(OPEN_TASKS_DUE_BETWEEN, MONITORED.get(0), MONITORED.get(1), MONITORED.get(2), MONITORED.get(3),
        new Timestamp(from.getTime()), new Timestamp(to.getTime()));
  }

  private long count(String sql, Object... arguments) {
    Long count = jdbc.queryForObject(sql, Long.class, arguments);
    return count == null ? 0 : count;
  }

  /**
   * {@code overdueTasks}: open tasks past their due date; {@code tasksDueSoon}: due within 24 hours;
   * {@code openSupervisionCases}: running 督办件; {@code remindersToday}: 催办 notices since midnight in the city.
   */
  public record Figures(Date at, List<StatusCount> cases, List<StatusCount> events, long overdueTasks, long tasksDueSoon,
                        long openSupervisionCases, long remindersToday) {
  }
}
