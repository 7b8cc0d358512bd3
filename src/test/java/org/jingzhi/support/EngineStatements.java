package org.jingzhi.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Counts how often the engine runs one of its MyBatis select statements on the calling thread while some work runs, and
 * keeps what it sent the last time: what a cut of the engine's reads, or the plan of one, is seen by. Other threads
 * (the job executor, other tests) are not counted.
 */
public final class EngineStatements {

  private static final Set<Configuration> WATCHED = Collections.newSetFromMap(new IdentityHashMap<>());
  private static final ThreadLocal<Counting> COUNTING = new ThreadLocal<>();

  private EngineStatements() {
  }

  /** How many times {@code work} made the engine run the select statement of this id (e.g. {@code selectAuthorizationByParameters}). */
  public static int selects(ProcessEngine engine, String statementId, Runnable work) {
    return watched(engine, statementId, work).count;
  }

  /** The SQL and parameters the engine sent the last time {@code work} made it run the select statement of this id; null if none. */
  public static Sent lastSent(ProcessEngine engine, String statementId, Runnable work) {
    return watched(engine, statementId, work).last;
  }

  /** A statement as the engine sent it: its SQL with {@code ?} for each parameter, and the parameters' values in order. */
  public record Sent(String sql, List<Object> parameters) {
  }

  private static Counting watched(ProcessEngine engine, String statementId, Runnable work) {
    watch(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration());
    Counting counting = new Counting(statementId);
    COUNTING.set(counting);
    try {
      work.run();
    } finally {
      COUNTING.remove();
    }
    return counting;
  }

  private static synchronized void watch(Configuration configuration) {
    if (WATCHED.add(configuration)) {
      configuration.addInterceptor(new SelectCounter());
    }
  }

  private static final class Counting {
    private final String statementId;
    private int count;
    private Sent last;

    Counting(String statementId) {
      this.statementId = statementId;
    }
  }

  /** Applied to every session the engine opens after it was added; counts only while a thread counts. */
  @Intercepts(@Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
  private static final class SelectCounter implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Counting counting = COUNTING.get();
      if (counting != null) {
        String id = ((MappedStatement) invocation.getArgs()[0]).getId();
        if (id.equals(counting.statementId) || id.endsWith("." + counting.statementId)) {
          counting.count++;
          counting.last = sent((MappedStatement) invocation.getArgs()[0], invocation.getArgs()[1]);
        }
      }
      return invocation.proceed();
    }

    private static Sent sent(MappedStatement statement, Object parameter) {
      // the values as MyBatis's own parameter handler finds them: a parameter of a type it maps is the value itself
      BoundSql bound = statement.getBoundSql(parameter);
      Configuration configuration = statement.getConfiguration();
      boolean plain = parameter == null || configuration.getTypeHandlerRegistry().hasTypeHandler(parameter.getClass());
      MetaObject values = plain ? null : configuration.newMetaObject(parameter);
      List<Object> parameters = new ArrayList<>();
      for (ParameterMapping mapping : bound.getParameterMappings()) {
        String property = mapping.getProperty();
        parameters.add(bound.hasAdditionalParameter(property) ? bound.getAdditionalParameter(property)
            : plain ? parameter : values.getValue(property));
      }
      return new Sent(bound.getSql(), parameters);
    }

    @Override
    public Object plugin(Object target) {
      return Plugin.wrap(target, this);
    }

    @Override
    public void setProperties(Properties properties) {
      // nothing to configure
    }
  }
}
