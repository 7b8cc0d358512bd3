package org.jingzhi.security;

/**
 * Why the engine refused the current HTTP request's input, for {@link EngineApiShield}: the engine's
 * REST layer answers some refusals with 500 (a refused process start, an unknown task on completion),
 * and the shield turns them into the 4xx they are. One per request thread; the shield clears it.
 */
record ClientRefusal(int status, String message) {

  private static final ThreadLocal<ClientRefusal> CURRENT = new ThreadLocal<>();

  static void record(int status, String message) {
    CURRENT.set(new ClientRefusal(status, message));
  }

  static ClientRefusal current() {
    return CURRENT.get();
  }

  static void clear() {
    CURRENT.remove();
  }
}
