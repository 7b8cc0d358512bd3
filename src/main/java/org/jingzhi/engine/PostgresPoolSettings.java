package org.jingzhi.engine;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The driver settings every PostgreSQL pool gets (README 「Database work per case」), set here rather than in a profile so
 * that every PostgreSQL database has them, the test suite's included; other databases are left as they are. An operator's
 * own setting of either pool property wins, in any spelling (an environment variable arrives lower-cased; it is handed to
 * the driver in the driver's own spelling, the only one it reads), and so does the same setting on the URL.
 *
 * <p><b>Batched inserts</b> ({@code reWriteBatchedInserts}, sixth round): the rows the engine inserts into a table in one
 * flush go as a few multi-row statements (pgjdbc splits a batch into statements of 1, 2, 4 … 128 rows) instead of one
 * statement a row — a completion's variables, their history and the activity history are many rows of a few tables. The
 * engine supports it: an insert's row count is not needed for its optimistic locking, which counts only updates and
 * deletes.
 *
 * <p><b>Generic plans</b> ({@code plan_cache_mode = force_generic_plan}, twelfth round): every connection keeps one plan
 * for each prepared statement. Left to itself, PostgreSQL plans the engine's look-ups by one id — a scope's variables, a
 * case's executions, a task's variables, an execution's jobs — anew at almost every call, because the statistics of open
 * cases make the plan for one id look cheaper than the plan for any id, though both read the same index: 54–62 of a case's
 * ~550 statements and about a seventh of the database's processor time. Tasklist's filters are still planned for the unit
 * that asks ({@code FilterQueryPlans} sets its own mode inside their transactions).
 *
 * <p><b>No JIT compilation</b> ({@code jit = off}, thirteenth round): a plan made for any parameters guesses a
 * {@code LIMIT ?} at a tenth of the table, so the job executor's acquisition of due jobs — 24 rows read through its own
 * index — was costed above {@code jit_above_cost} and compiled to machine code at every call: 11 ms of compiling for
 * 0.1 ms of work, 22 of the database's seconds in a deadline storm of 10,000 limits.
 *
 * <p>Both go as the connection's start-up {@code options}, so they cost no statement. The operator's {@code options}
 * are kept, each setting added unless they set it themselves ({@code -c jit=on}; {@code jit_above_cost} is another
 * setting); left empty, for a pooler that refuses start-up options, they stay empty.
 */
@Component
class PostgresPoolSettings implements BeanPostProcessor {

  static final String BATCHED_INSERTS = "reWriteBatchedInserts";
  static final String OPTIONS = "options";
  static final List<String> START_UP_SETTINGS = List.of("plan_cache_mode=force_generic_plan", "jit=off");

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      batchInserts(pool);
      addStartUpSettings(pool);
    }
    return bean;
  }

  private static void batchInserts(HikariDataSource pool) {
    pool.addDataSourceProperty(BATCHED_INSERTS, takeOperatorsValue(pool, BATCHED_INSERTS).orElse("true"));
  }

  private static void addStartUpSettings(HikariDataSource pool) {
    Optional<String> operators = takeOperatorsValue(pool, OPTIONS).map(String::strip);
    if (operators.isPresent() && operators.get().isEmpty()) {
      pool.addDataSourceProperty(OPTIONS, ""); // a pooler that refuses start-up options
      return;
    }
    String options = operators.orElse("");
    List<String> all = new ArrayList<>(options.isEmpty() ? List.of() : List.of(options));
    for (String setting : START_UP_SETTINGS) {
      if (!names(options, setting.substring(0, setting.indexOf('=')))) {
        all.add("-c " + setting);
      }
    }
    pool.addDataSourceProperty(OPTIONS, String.join(" ", all));
  }

  /** Whether start-up {@code options} set {@code name} ({@code -c name=…} or {@code --name=…}), not a longer name or a value. */
  private static boolean names(String options, String name) {
    return Pattern.compile("(^|\\s)(-c\\s*|--)" + Pattern.quote(name) + "\\s*=", Pattern.CASE_INSENSITIVE).matcher(options).find();
  }

  /**
   * The operator's value of a pool property, taken out of the pool in whatever spelling it came (an environment variable
   * arrives lower-cased, and the driver reads only its own spelling), for the caller to put back under the driver's.
   */
  private static Optional<String> takeOperatorsValue(HikariDataSource pool, String property) {
    Properties properties = pool.getDataSourceProperties();
    Optional<String> key = properties.stringPropertyNames().stream().filter(property::equalsIgnoreCase).findFirst();
    Optional<String> value = key.map(properties::getProperty);
    key.ifPresent(properties::remove);
    return value;
  }
}
