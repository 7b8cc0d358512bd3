package org.jingzhi.responsibility;

import static org.jingzhi.responsibility.AdjudicationProcess.*;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.calendar.Period;
import org.jingzhi.cases.CaseHistory;
import org.jingzhi.engine.AsSystem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the three instruments work, for a period: disputes raised (by send-backs, by the {@code dispute} action),
 * rulings and the time to them, late statements, events routed by a precedent, precedents created.
 */
@Component
class AdjudicationMeasures {

  /**
   * {@code hoursToRuling}: from the dispute's start to its ruling, average and longest, over the disputes of the period
   * ruled so far (null if none).
   */
  record Measures(LocalDate from, LocalDate to, int disputes, int raisedBySendBack, int raisedByDispute, int ruled, Double averageHoursToRuling,
                  Double longestHoursToRuling, int lateStatements, int eventsRoutedByPrecedent, int precedentsCreated) {
  }

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  AdjudicationMeasures(ProcessEngine engine, JdbcTemplate jdbc, CalendarProperties calendar) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.zone = calendar.getZone();
  }

  Measures of(Period period) {
    Date start = Date.from(period.from().atStartOfDay(zone).toInstant());
    Date end = Date.from(period.to().plusDays(1).atStartOfDay(zone).toInstant());
    return AsSystem.call(engine.getIdentityService(), () -> measure(period, start, end));
  }

  private Measures measure(Period period, Date start, Date end) {
    HistoryService history = engine.getHistoryService();
    List<HistoricProcessInstance> disputes = history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).startedAfter(start)
        .startedBefore(end).list();
    int bySendBack = 0;
    int ruled = 0;
    int late = 0;
    double totalHours = 0;
    Double longest = null;
    for (HistoricProcessInstance dispute : disputes) {
      Map<String, Object> variables = CaseHistory.variables(history, dispute.getId());
      bySendBack += "sendBack".equals(variables.get(TRIGGER)) ? 1 : 0;
      if (dispute.getEndTime() != null && variables.get(OWNER_UNIT) != null) {
        ruled++;
        double hours = Duration.between(dispute.getStartTime().toInstant(), dispute.getEndTime().toInstant()).toMinutes() / 60.0;
        totalHours += hours;
        longest = longest == null ? hours : Math.max(longest, hours);
      }
      late += (int) history.createHistoricTaskInstanceQuery().processInstanceId(dispute.getId()).taskDefinitionKey(STATEMENT).finished().list()
          .stream().filter(task -> !"completed".equals(task.getDeleteReason())).count();
    }
    Timestamp from = new Timestamp(start.getTime());
    Timestamp to = new Timestamp(end.getTime());
    Integer routed = jdbc.queryForObject(" SELECT COUNT(*) FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST e ON e.ID_ = v.PROC_INST_ID_"
        + " WHERE v.NAME_ = ? AND e.PROC_DEF_KEY_ = ? AND e.START_TIME_ >= ? AND e.START_TIME_ < ?", Integer.class, PRECEDENT_NUMBER,
        "escalation-chain", from, to);
    Integer created = jdbc.queryForObject("SELECT COUNT(*) FROM jz_precedent WHERE decided_at >= ? AND decided_at < ?", Integer.class, from, to);
    return new Measures(period.from(), period.to(), disputes.size(), bySendBack, disputes.size() - bySendBack, ruled,
        ruled == 0 ? null : Math.round(totalHours / ruled * 10) / 10.0, longest == null ? null : Math.round(longest * 10) / 10.0, late,
        routed == null ? 0 : routed, created == null ? 0 : created);
  }
}
