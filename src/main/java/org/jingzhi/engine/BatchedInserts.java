package org.jingzhi.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL the driver sends the rows the engine inserts into a table in one flush as a few multi-row statements
 * ({@code reWriteBatchedInserts}: pgjdbc splits a batch into statements of 1, 2, 4 … 128 rows) instead of one statement a
 * row: a completion's variables, their history and the activity history are many rows of the same few tables (README
 * 「Database work per case」, sixth round). The engine supports it: an insert's row count is not needed for its optimistic
 * locking, which counts only updates and deletes. Set here rather than in a profile so that every PostgreSQL database gets
 * it, the test suite's included; other databases are left as they are, and so is a pool whose operator set the property
 * in any spelling (an environment variable arrives lower-cased); a {@code reWriteBatchedInserts} on the URL wins anyway.
 */
@Component
class BatchedInserts implements BeanPostProcessor {

  static final String PROPERTY = "reWriteBatchedInserts";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
        && pool.getDataSourceProperties().stringPropertyNames().stream().noneMatch(PROPERTY::equalsIgnoreCase)) {
      pool.addDataSourceProperty(PROPERTY, "true");
    }
    return bean;
  }
}
