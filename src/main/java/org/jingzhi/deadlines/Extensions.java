package org.jingzhi.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.engine.AsSystem;
import org.jingzhi.web.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The extension requests ({@code jz_extension}): once per limit, enforced by the database; the models ask
 * {@code ${extensions.isApproved(execution.processInstanceId, 'REVIEW', department)}}.
 */
@Component("extensions")
public class Extensions {

  private static final String COLUMNS = "id, case_number, process_instance_id, scope, unit, working_days, hours, reason, requested_by,"
      + " requested_at, status, decided_by, decided_at, opinion, old_due, new_due";

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final IdentityService identity;

  Extensions(JdbcTemplate jdbc, RuntimeService runtime, IdentityService identity) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.identity = identity;
  }

  /**
   * Records the request and hands it to the model: {@code message} to the execution waiting for it (a task's boundary event,
   * an event subprocess). A second request for the same limit is a {@link ConflictException}; nothing is recorded then.
   */
  @Transactional
  public Extension submit(ExtensionRequest request, String message, String executionId) {
    boolean waiting = AsSystem.call(identity, () -> runtime.createEventSubscriptionQuery().executionId(executionId).eventName(message)
        .count() > 0);
    if (!waiting) {
      throw new ConflictException("本案按旧版流程办理，或该时限已不在办理中，不能申请延期");
    }
    try {
      jdbc.update("INSERT INTO jz_extension (case_number, process_instance_id, scope, unit, scope_key, working_days, hours, reason, requested_by,"
              + " requested_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", request.caseNumber(), request.processInstanceId(),
          request.scope(), request.unit(), request.processInstanceId(), request.workingDays(), request.hours(), request.reason(),
          request.requestedBy(), new Timestamp(ClockUtil.getCurrentTime().getTime()), Extension.REQUESTED);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("该时限已申请过一次延期，不能再次申请（行政许可法第四十二条：延期以一次为限）");
    }
    AsSystem.run(identity, () -> runtime.messageEventReceived(message, executionId));
    return latest(request.processInstanceId(), request.scope(), request.unit()).orElseThrow();
  }

  /** Whether the request for this limit was approved: the models' gateways 「批准延期？」. */
  public boolean isApproved(String processInstanceId, String scope, String unit) {
    return latest(processInstanceId, scope, unit).map(extension -> Extension.APPROVED.equals(extension.status())).orElse(false);
  }

  public Optional<Extension> latest(String processInstanceId, String scope, String unit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM jz_extension WHERE scope_key = ? AND scope = ? AND unit = ?", Extensions::extension,
        processInstanceId, scope, unit).stream().findFirst();
  }

  /** The requests of a case or event, oldest first. */
  public List<Extension> ofCase(String caseNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM jz_extension WHERE case_number = ? ORDER BY id", Extensions::extension, caseNumber);
  }

  void decided(Extension extension, String status, String user, String opinion) {
    jdbc.update("UPDATE jz_extension SET status = ?, decided_by = ?, decided_at = ?, opinion = ? WHERE id = ? AND status = ?", status, user,
        new Timestamp(ClockUtil.getCurrentTime().getTime()), opinion, extension.id(), Extension.REQUESTED);
  }

  void lapsed(Extension extension) {
    jdbc.update("UPDATE jz_extension SET status = ? WHERE id = ? AND status = ?", Extension.LAPSED, extension.id(), Extension.REQUESTED);
  }

  void applied(Extension extension, Date oldDue, Date newDue) {
    jdbc.update("UPDATE jz_extension SET old_due = ?, new_due = ? WHERE id = ?", new Timestamp(oldDue.getTime()), new Timestamp(newDue.getTime()),
        extension.id());
  }

  private static Extension extension(ResultSet row, int index) throws SQLException {
    return new Extension(row.getLong("id"), row.getString("case_number"), row.getString("process_instance_id"), row.getString("scope"),
        row.getString("unit"), (Integer) row.getObject("working_days", Integer.class), (Integer) row.getObject("hours", Integer.class),
        row.getString("reason"), row.getString("requested_by"), date(row.getTimestamp("requested_at")), row.getString("status"),
        row.getString("decided_by"), date(row.getTimestamp("decided_at")), row.getString("opinion"), date(row.getTimestamp("old_due")),
        date(row.getTimestamp("new_due")));
  }

  private static Date date(Timestamp timestamp) {
    return timestamp == null ? null : new Date(timestamp.getTime());
  }
}
