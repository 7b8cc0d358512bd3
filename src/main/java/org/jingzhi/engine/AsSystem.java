package org.jingzhi.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls without the current user's authentication, for lookups the platform makes on
 * its own behalf once it has decided the caller may see the result (e.g. the applicant's public
 * view, or the details of a case the user is entitled to). Restores the user afterwards.
 */
public final class AsSystem {

  private AsSystem() {
  }

  public static <T> T call(IdentityService identity, Supplier<T> work) {
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }

  public static void run(IdentityService identity, Runnable work) {
    call(identity, () -> {
      work.run();
      return null;
    });
  }
}
