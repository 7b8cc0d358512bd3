package org.jingzhi.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL the driver sends the rows the engine inserts in one flush as one statement per table
 * ({@code reWriteBatchedInserts}): a completion's variables, their history and the activity history are many rows of the same few
 * tables, and each row sent as a statement of its own cost PostgreSQL a statement's work (README 「Database work per case」, sixth
 * round). The engine supports it: an insert's row count is not needed for its optimistic locking, which counts only updates and
 * deletes. Set here rather than in a profile so that every PostgreSQL database gets it, the test suite's included; other databases
 * are left as they are.
 */
@Component
class BatchedInserts implements BeanPostProcessor {

  static final String PROPERTY = "reWriteBatchedInserts";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
        && !pool.getDataSourceProperties().containsKey(PROPERTY)) {
      pool.addDataSourceProperty(PROPERTY, "true");
    }
    return bean;
  }
}
