package org.jingzhi.deadlines;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
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
  static final String STOPPED = "STOPPED";
  /** What an unset expected resume compares as. */
  private static final Timestamp NEVER = new Timestamp(0);
  private static final String COLUMNS = "id, process_instance_id, execution_id, variable_name, unit, started_at, working_days, extension_days,"
      + " due_at, provisional, status, stopped_at, expected_resume, stops";

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

  /** The clock of {@code variable} of the case ends with its stage (a decision at the window, a supplement received). */
  public void end(DelegateExecution execution, String variable) {
    jdbc.update("DELETE FROM jz_clock WHERE execution_id = ? AND variable_name = ?", execution.getProcessInstanceId(), variable);
  }

  /** The clocks of these process instances. */
  List<Clock> ofInstances(List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", processInstanceIds.stream().map(id -> "?").toList());
    return jdbc.query("SELECT " + COLUMNS + " FROM jz_clock WHERE process_instance_id IN (" + marks + ")", Clocks::clock,
        processInstanceIds.toArray());
  }

  /** The clock of {@code variable} held by this execution, if it is a working-day clock. */
  Optional<Clock> of(String executionId, String variable) {
    return jdbc.query("SELECT " + COLUMNS + " FROM jz_clock WHERE execution_id = ? AND variable_name = ?", Clocks::clock, executionId, variable)
        .stream().findFirst();
  }

  /**
   * The clock's deadline with the calendar in force: running, the n-th working day (extension included) after the day it
   * started; stopped, what it had left counted from the day it is expected to run again.
   */
  Deadline deadlineOf(Clock clock) {
    if (!clock.stopped()) {
      return countFrom(workingDays.dayOf(clock.startedAt()), clock.workingDays() + clock.extensionDays());
    }
    return countFrom(workingDays.dayOf(clock.expectedResume()), left(clock, clock.stoppedAt()));
  }

  /**
   * The n-th working day after {@code day}; with nothing left (a clock stopped on its last day), {@code day} itself: stopping
   * and running again on the same day changes no deadline.
   */
  private Deadline countFrom(LocalDate day, int days) {
    return days >= 1 ? calendar.deadline(day, days) : new Deadline(day, 0, day, calendar.isProvisional(day.minusDays(1), day));
  }

  /** Working days the clock has left at {@code moment}: its days and extension less those used since it started. */
  int left(Clock clock, Date moment) {
    int used = calendar.workingDaysBetween(workingDays.dayOf(clock.startedAt()), workingDays.dayOf(moment));
    return clock.workingDays() + clock.extensionDays() - used;
  }

  Clock extended(Clock clock, int days) {
    jdbc.update("UPDATE jz_clock SET extension_days = extension_days + ? WHERE id = ?", days, clock.id());
    return reread(clock);
  }

  /** Stops the clock (again: one more period holds it); it is expected to run again on {@code expectedResume}. */
  Clock stopped(Clock clock, Date at, Date expectedResume) {
    if (clock.stopped()) {
      jdbc.update("UPDATE jz_clock SET stops = stops + 1, expected_resume = ? WHERE id = ?",
          new Timestamp(Math.max(expectedResume.getTime(), clock.expectedResume().getTime())), clock.id());
    } else {
      jdbc.update("UPDATE jz_clock SET status = ?, stops = 1, stopped_at = ?, expected_resume = ? WHERE id = ?", STOPPED,
          new Timestamp(at.getTime()), new Timestamp(expectedResume.getTime()), clock.id());
    }
    return reread(clock);
  }

  /** One period holding the clock ended; when none holds it any more it runs again from {@code at} with what it had left. */
  Clock resumed(Clock clock, Date at) {
    if (clock.stops() > 1) {
      jdbc.update("UPDATE jz_clock SET stops = stops - 1 WHERE id = ?", clock.id());
    } else {
      jdbc.update("UPDATE jz_clock SET status = ?, stops = 0, started_at = ?, working_days = ?, extension_days = 0, stopped_at = NULL,"
          + " expected_resume = NULL WHERE id = ?", RUNNING, new Timestamp(at.getTime()), left(clock, clock.stoppedAt()), clock.id());
    }
    return reread(clock);
  }

  private Clock reread(Clock clock) {
    return jdbc.query("SELECT " + COLUMNS + " FROM jz_clock WHERE id = ?", Clocks::clock, clock.id()).get(0);
  }

  private static Clock clock(java.sql.ResultSet row, int index) throws java.sql.SQLException {
    return new Clock(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), date(row.getTimestamp(6)),
        row.getInt(7), row.getInt(8), date(row.getTimestamp(9)), row.getBoolean(10), STOPPED.equals(row.getString(11)),
        date(row.getTimestamp(12)), date(row.getTimestamp(13)), row.getInt(14));
  }

  private static Date date(Timestamp timestamp) {
    return timestamp == null ? null : new Date(timestamp.getTime());
  }

  /** The process instances with a clock that ends on or after {@code from}: those a schedule of that year can move. */
  List<String> instancesDueFrom(Date from) {
    return jdbc.queryForList("SELECT DISTINCT process_instance_id FROM jz_clock WHERE due_at >= ?", String.class,
        new Timestamp(from.getTime()));
  }

  /**
   * Keeps the clock's new deadline, if the clock is still as it was read: a clock changed in between (an extension approved,
   * a period started, a level entered) is an {@link OptimisticLockingException}, and the caller runs again.
   */
  void moved(Clock clock, Date due, boolean provisional) {
    int updated = jdbc.update("UPDATE jz_clock SET due_at = ?, provisional = ? WHERE id = ? AND due_at = ? AND started_at = ?"
            + " AND working_days = ? AND extension_days = ? AND status = ? AND stops = ? AND COALESCE(expected_resume, ?) = ?",
        new Timestamp(due.getTime()), provisional, clock.id(), new Timestamp(clock.due().getTime()), new Timestamp(clock.startedAt().getTime()),
        clock.workingDays(), clock.extensionDays(), clock.stopped() ? STOPPED : RUNNING, clock.stops(), NEVER,
        clock.expectedResume() == null ? NEVER : new Timestamp(clock.expectedResume().getTime()));
    if (updated != 1) {
      throw new OptimisticLockingException("The clock " + clock.variable() + " of " + clock.executionId() + " changed while it was moved");
    }
  }

  void ended(Clock clock) {
    jdbc.update("DELETE FROM jz_clock WHERE id = ?", clock.id());
  }

  /** Clocks of executions that have ended; they no longer run. */
  int removeEnded() {
    return jdbc.update("DELETE FROM jz_clock WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = jz_clock.execution_id)");
  }

  /**
   * A clock: {@code workingDays} (plus {@code extensionDays}) working days counted from {@code startedAt}; or, {@code stopped}
   * since {@code stoppedAt} by {@code stops} excluded periods, expected to run again on {@code expectedResume}.
   */
  record Clock(String id, String processInstanceId, String executionId, String variable, String unit, Date startedAt, int workingDays,
               int extensionDays, Date due, boolean provisional, boolean stopped, Date stoppedAt, Date expectedResume, int stops) {
  }
}
