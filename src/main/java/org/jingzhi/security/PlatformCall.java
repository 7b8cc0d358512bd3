package org.jingzhi.security;

import java.util.function.Supplier;

/**
 * Marks engine calls the platform makes itself on a logged-in user's behalf, after its own API has
 * checked the request (e.g. starting a case from {@code POST /api/joint-approvals}). The engine still
 * checks the user's authorizations; {@link ClientCommandGuard} leaves such calls alone, since what they
 * carry was built by our code, not sent by the client.
 */
public final class PlatformCall {

  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  private PlatformCall() {
  }

  public static <T> T call(Supplier<T> work) {
    Boolean outer = ACTIVE.get();
    ACTIVE.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        ACTIVE.remove();
      }
    }
  }

  static boolean active() {
    return ACTIVE.get() != null;
  }
}
