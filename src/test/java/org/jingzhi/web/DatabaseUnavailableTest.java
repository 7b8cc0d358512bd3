package org.jingzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** While the database restarts the API answers 503 in Chinese, not 500 with a stack trace. */
class DatabaseUnavailableTest {

  final ApiExceptionHandler handler = new ApiExceptionHandler();

  @Test
  void noConnectionOrABrokenOneIs503() {
    for (Exception outage : new Exception[] {new CannotGetJdbcConnectionException("pool exhausted", new SQLException("refused", "08001")),
        new ProcessEngineException("ENGINE-03083", new SQLException("terminating connection due to administrator command", "57P01")),
        new ProcessEngineException("flush failed", new java.sql.SQLTransientConnectionException("Connection is not available")),
        // the connection broke mid-transaction, and the rollback then failed on the closed connection
        new ProcessEngineException("persistence", rollbackFailedAfter(new SQLException("An I/O error occurred while sending to the backend.",
            "08006")))}) {
      var answer = handler.unexpected(outage);
      assertThat(answer.getStatusCode()).as(outage.toString()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(answer.getBody().message()).isEqualTo("数据库暂时无法连接，本次操作未生效，请稍后重试");
    }
  }

  private static org.springframework.transaction.TransactionSystemException rollbackFailedAfter(Exception broken) {
    org.springframework.transaction.TransactionSystemException rollback = new org.springframework.transaction.TransactionSystemException(
        "JDBC rollback failed", new SQLException("Connection is closed"));
    rollback.initApplicationException(broken);
    return rollback;
  }

  @Test
  void otherFailuresStay500() {
    assertThat(handler.unexpected(new ProcessEngineException("boom", new SQLException("syntax", "42601"))).getStatusCode())
        .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
  }
}
