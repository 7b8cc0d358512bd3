package org.jingzhi.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * One node starts at a time. Creating the engine's schema, our migrations, synchronising the organisation, deploying the
 * models and loading the holiday files are each safe to repeat but not to run on two nodes at the same moment (two nodes
 * started together on a fresh database: one died creating a group the other had just created). On PostgreSQL the node
 * takes a session advisory lock before the engine is built and gives it back when it is ready (or fails); a node killed
 * meanwhile loses its session, and with it the lock. The embedded H2 database serves one node and needs none.
 */
public class StartupLock implements DisposableBean {

  /** The advisory lock's key: 精治 as a number, to stay clear of locks other applications of the database take. */
  static final long KEY = 0x7CBE_6CBBL;
  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private Connection held;

  public StartupLock(DataSource dataSource) throws SQLException {
    Connection connection = dataSource.getConnection();
    if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
      connection.close();
      return;
    }
    long waiting = System.nanoTime();
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
      lock.setLong(1, KEY);
      lock.execute();
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    held = connection;
    LOG.info("Start-up lock taken after {} ms; this node starts alone", (System.nanoTime() - waiting) / 1_000_000);
  }

  /** The node is ready: the next one may start. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void ready() {
    release();
  }

  @Override
  public void destroy() {
    release();
  }

  public boolean isHeld() {
    return held != null;
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      unlock.execute();
      LOG.info("Start-up lock given back");
    } catch (SQLException e) {
      LOG.warn("Could not give back the start-up lock; it ends with the database session", e);
    } finally {
      held = null;
    }
  }
}
