package org.jingzhi.engine;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL every connection keeps one plan for each prepared statement ({@code plan_cache_mode =
 * force_generic_plan}). Left to itself, PostgreSQL plans the engine's look-ups by one id — a scope's variables, a case's
 * executions, a task's variables, an execution's jobs — anew at almost every call, because the statistics of open cases
 * make the plan for one id look cheaper than the plan for any id, though both read the same index: 54–62 of a case's ~550
 * statements and about a seventh of the database's processor time (README 「Database work per case」, twelfth round).
 * Tasklist's filters are still planned for the unit that asks ({@code FilterQueryPlans} sets its own mode inside their
 * transactions). Sent as the connection's start-up {@code options}, so it costs no statement. The pool's {@code options}
 * property (any spelling: an environment variable arrives lower-cased) is the operator's: one naming
 * {@code plan_cache_mode}, or left empty for a pooler that refuses start-up options, is kept as it is; other options get
 * the setting added; {@code options} on the URL wins anyway. Other databases are left as they are.
 */
@Component
class GenericPlans implements BeanPostProcessor {

  static final String OPTIONS = "options";
  static final String SETTING = "-c plan_cache_mode=force_generic_plan";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      Properties properties = pool.getDataSourceProperties();
      Optional<String> key = properties.stringPropertyNames().stream().filter(OPTIONS::equalsIgnoreCase).findFirst();
      String options = key.map(properties::getProperty).orElse("").strip();
      if (key.isEmpty()) {
        pool.addDataSourceProperty(OPTIONS, SETTING);
      } else if (!options.isEmpty() && !options.toLowerCase(Locale.ROOT).contains("plan_cache_mode")) {
        properties.remove(key.get());
        pool.addDataSourceProperty(OPTIONS, options + " " + SETTING);
      }
    }
    return bean;
  }
}
