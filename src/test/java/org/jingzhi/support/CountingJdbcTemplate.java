package org.jingzhi.support;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link JdbcTemplate} that counts the statements it runs — with arguments or without, a batch as one, in a transaction
 * or not — for a component built on it in a test: what a cut of that component's statements is seen by.
 */
public final class CountingJdbcTemplate extends JdbcTemplate {

  private final AtomicInteger statements = new AtomicInteger();

  public CountingJdbcTemplate(DataSource dataSource) {
    super(dataSource);
  }

  /** Every statement the template makes passes here once, before it runs. */
  @Override
  protected void applyStatementSettings(Statement statement) throws SQLException {
    statements.incrementAndGet();
    super.applyStatementSettings(statement);
  }

  public int statements() {
    return statements.get();
  }

  /** The statements counted so far, and counting starts again from none. */
  public int statementsSinceLast() {
    return statements.getAndSet(0);
  }
}
