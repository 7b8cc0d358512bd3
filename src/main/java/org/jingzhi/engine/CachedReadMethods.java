package org.jingzhi.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The methods MyBatis's OGNL reads the engine's query properties with, found once per class and name (README
 * 「Performance at city scale」).
 *
 * <p>MyBatis writes each engine statement's SQL by reading the query's properties: a task query's 115 conditions among
 * them. OGNL keeps the getter it finds for a property, but a property named by a method that is no getter — the task
 * query's {@code query.isOrQueryActive} and {@code query.isWithoutTenantId}, read for the query and again for each of its
 * or-branches — has none, and for it OGNL searches all of the class's public methods by name at every read, lower-casing
 * each ({@code OgnlRuntime.getReadMethod}: a task query has several hundred). Here that search is made once and the
 * method it found is called; whether the method may be called is still asked of the context at every read, and a
 * property without one (a field, or nothing) is read as OGNL reads it, as is any property whose search fails.
 *
 * <p>OGNL's accessors are one registry for the whole JVM, so this one is asked for every object's properties but
 * remembers only for the engines that asked for it ({@link #useFor}); others, such as the bare engine the REST benchmark
 * runs beside the platform, read as OGNL does. OGNL keeps the accessor it found for each class, so a class whose
 * properties were read before the first engine asked keeps OGNL's own: the platform's engine asks while it is
 * configured, before it runs a statement.
 */
final class CachedReadMethods extends ObjectPropertyAccessor {

  private static final Set<String> ENGINES = ConcurrentHashMap.newKeySet();
  private static final CachedReadMethods ACCESSOR = new CachedReadMethods();

  private final ClassValue<Map<String, Optional<Method>>> found = new ClassValue<>() {
    @Override
    protected Map<String, Optional<Method>> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  private CachedReadMethods() {
  }

  /** From now on, the statements of the engine of this name read properties through the methods found once. */
  static synchronized void useFor(String engineName) {
    if (ENGINES.isEmpty()) {
      OgnlRuntime.setPropertyAccessor(Object.class, ACCESSOR);
    }
    ENGINES.add(engineName);
  }

  @Override
  public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
    Method method = forEngineInUse() ? foundOrNone(target.getClass(), name) : null;
    if (method == null || !context.getMemberAccess().isAccessible(context, target, method, name)) {
      return super.getPossibleProperty(context, target, name);
    }
    try {
      return OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
    } catch (InvocationTargetException e) {
      throw new OgnlException(name, e.getTargetException());
    } catch (IllegalAccessException | RuntimeException e) {
      throw new OgnlException(name, e);
    }
  }

  /** A search that fails is left to OGNL, which fails it as it always has. */
  private Method foundOrNone(Class<?> type, String name) {
    try {
      return readMethod(type, name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** What OGNL itself would call: the property's getter, else the method it finds by the property's name. */
  Method readMethod(Class<?> type, String name) {
    return found.get(type).computeIfAbsent(name, property -> {
      Method getter = OgnlRuntime.getGetMethod(type, property);
      return Optional.ofNullable(getter != null ? getter : OgnlRuntime.getReadMethod(type, property, null));
    }).orElse(null);
  }

  /** The property names whose method this class's objects are read with, as found so far. */
  static Set<String> remembered(Class<?> type) {
    return ACCESSOR.found.get(type).keySet();
  }

  private static boolean forEngineInUse() {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    return configuration != null && ENGINES.contains(configuration.getProcessEngineName());
  }
}
