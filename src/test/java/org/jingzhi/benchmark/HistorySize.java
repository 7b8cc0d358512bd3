package org.jingzhi.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.escalation.EscalationDriver;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;

/**
 * Bytes on disk that a case leaves behind once it has ended: everything but the engine's runtime tables — history
 * ({@code ACT_HI_*}), byte arrays, the grants that let units read a case's history, and our tables (notices, overdue
 * records, rates) — tables with their indexes and TOAST, from {@code pg_total_relation_size}, measured around a run of
 * ended cases. Runtime tables are emptied when a case ends; their pages are reused by the next cases. Each measurement
 * compacts the database first ({@code VACUUM FULL}): a case's history rows are all rewritten once when it ends (their
 * removal time), and the old versions, which vacuum makes room for new rows in, are not history.
 */
final class HistorySize {

  private HistorySize() {
  }

  static long bytes(String database) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")) {
      connection.createStatement().execute("VACUUM FULL");
      return compactedBytes(connection);
    }
  }

  private static long compactedBytes(Connection connection) throws Exception {
    try (ResultSet row = connection.createStatement().executeQuery("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
             + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = current_schema()"
             + " AND (c.relname NOT LIKE 'act\\_ru\\_%' OR c.relname = 'act_ru_authorization')")) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * An event as most of a hotline's are: reported to 柳岸社区, resolved there, closed after a satisfied return visit —
   * through the engine as its users, the way the tests drive it.
   */
  static void resolvedEvent(ProcessEngine engine, Events events) {
    EscalationDriver driver = new EscalationDriver(engine, events);
    ReportedEvent event = driver.report("hotline", "road-occupation", "990101001001", false);
    driver.act("liuan", event, "resolve", "已劝离占道商户，恢复通行");
    driver.returnVisit(event, "satisfied", "yes");
  }
}
