package org.jingzhi.deadlines;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.jingzhi.calendar.Deadline;
import org.jingzhi.calendar.WorkingDayCalendar;
import org.jingzhi.calendar.WorkingDays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Statutory clocks: a deadline of n working days kept in a variable ({@code caseDue}, {@code reviewDue},
 * {@code levelDue}, …) together with when its clock started, so that it can be counted again from that moment
 * when a year's holiday schedule changes ({@link DeadlineRecompute}). Models and delegates start them:
 * {@code ${clocks.startLocal(execution, 'reviewDue', remainingDays[department], department)}}.
 */
@Component("clocks")
public class Clocks {

  static final String RUNNING = "RUNNING";

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final WorkingDays workingDays;

  Clocks(JdbcTemplate jdbc, WorkingDayCalendar calendar, WorkingDays workingDays) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.workingDays = workingDays;
  }

  /** Starts now a clock of {@code days} working days for the case-wide {@code variable}; the deadline it sets. */
  public Date start(DelegateExecution execution, String variable, int days) {
    return run(execution.getProcessInstance(), variable, days, null);
  }

  /** Starts now a clock for {@code variable} of this execution only (one department's review, one party's statement). */
  public Date startLocal(DelegateExecution execution, String variable, int days, String unit) {
    return run(execution, variable, days, unit);
  }

  private Date run(DelegateExecution scope, String variable, int days, String unit) {
    Date startedAt = WorkingDays.now();
    Deadline deadline = calendar.deadline(workingDays.dayOf(startedAt), days);
    Date due = workingDays.endOf(deadline.deadline());
    ((VariableScope) scope).setVariableLocal(variable, due);
    jdbc.update("DELETE FROM jz_clock WHERE execution_id = ? AND variable_name = ?", scope.getId(), variable);
    jdbc.update("INSERT INTO jz_clock (id, process_instance_id, execution_id, variable_name, unit, started_at, working_days, extension_days,"
            + " due_at, provisional, status) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", UUID.randomUUID().toString(),
        scope.getProcessInstanceId(), scope.getId(), variable, unit, new Timestamp(startedAt.getTime()), days,
        new Timestamp(due.getTime()), deadline.provisional(), RUNNING);
    return due;
  }

  /** The clocks of these process instances. */
  List<Clock> ofInstances(List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", processInstanceIds.stream().map(id -> "?").toList());
    return jdbc.query("SELECT id, process_instance_id, execution_id, variable_name, unit, started_at, working_days, extension_days, due_at,"
        + " provisional FROM jz_clock WHERE process_instance_id IN (" + marks + ")", (row, index) -> new Clock(row.getString(1),
        row.getString(2), row.getString(3), row.getString(4), row.getString(5), new Date(row.getTimestamp(6).getTime()), row.getInt(7),
        row.getInt(8), new Date(row.getTimestamp(9).getTime()), row.getBoolean(10)), processInstanceIds.toArray());
  }

  /** The process instances with a clock that ends on or after {@code from}: those a schedule of that year can move. */
  List<String> instancesDueFrom(Date from) {
    return jdbc.queryForList("SELECT DISTINCT process_instance_id FROM jz_clock WHERE due_at >= ?", String.class,
        new Timestamp(from.getTime()));
  }

  void moved(Clock clock, Date due, boolean provisional) {
    jdbc.update("UPDATE jz_clock SET due_at = ?, provisional = ? WHERE id = ?", new Timestamp(due.getTime()), provisional, clock.id());
  }

  void ended(Clock clock) {
    jdbc.update("DELETE FROM jz_clock WHERE id = ?", clock.id());
  }

  /** Clocks of executions that have ended; they no longer run. */
  int removeEnded() {
    return jdbc.update("DELETE FROM jz_clock WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = jz_clock.execution_id)");
  }

  /** A running clock: {@code workingDays} (plus {@code extensionDays}) working days counted from {@code startedAt}. */
  record Clock(String id, String processInstanceId, String executionId, String variable, String unit, Date startedAt, int workingDays,
               int extensionDays, Date due, boolean provisional) {
  }
}
