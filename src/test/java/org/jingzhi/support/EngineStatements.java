package org.jingzhi.support;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Properties;
import java.util.Set;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Counts how often the engine runs one of its MyBatis select statements on the calling thread while some work runs:
 * what a cut of the engine's reads is seen by. Other threads (the job executor, other tests) are not counted.
 */
public final class EngineStatements {

  private static final Set<Configuration> WATCHED = Collections.newSetFromMap(new IdentityHashMap<>());
  private static final ThreadLocal<Counting> COUNTING = new ThreadLocal<>();

  private EngineStatements() {
  }

  /** How many times {@code work} made the engine run the select statement of this id (e.g. {@code selectAuthorizationByParameters}). */
  public static int selects(ProcessEngine engine, String statementId, Runnable work) {
    watch(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration());
    Counting counting = new Counting(statementId);
    COUNTING.set(counting);
    try {
      work.run();
    } finally {
      COUNTING.remove();
    }
    return counting.count;
  }

  private static synchronized void watch(Configuration configuration) {
    if (WATCHED.add(configuration)) {
      configuration.addInterceptor(new SelectCounter());
    }
  }

  private static final class Counting {
    private final String statementId;
    private int count;

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
        }
      }
      return invocation.proceed();
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
