package org.jingzhi.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic logins verified recently, so a client's next request does not check the password and read the user's groups
 * and tenants again: three engine commands (three transactions) per request were most of the platform's commits per case
 * (README 「Database work per case」). A login is kept for {@code jingzhi.security.login-cache} (30 s; 0s keeps none) and
 * matched by an HMAC of user and password under a key that lives only in this process, compared in constant time; a
 * different password is checked by the engine as before (failed attempts still count). Any change to users, groups,
 * tenants or memberships through the engine on this node forgets every login at once; another node's change reaches this
 * node when the kept login expires, and so does any change when another identity provider (LDAP) has replaced the
 * engine's database one, which is the only one this class can watch.
 */
@Component
public class VerifiedLogins extends AbstractProcessEnginePlugin {

  /** Who is logged in, with the groups and tenants the engine checks authorizations against. */
  public record Login(String userId, List<String> groups, List<String> tenants) {
  }

  private record Kept(byte[] proof, Login login) {
  }

  private final Cache<String, Kept> kept;
  private final boolean keeping;
  private final AtomicLong changes = new AtomicLong();
  private final SecretKeySpec key;

  public VerifiedLogins(@Value("${jingzhi.security.login-cache:30s}") Duration keepFor) {
    this.keeping = !keepFor.isZero() && !keepFor.isNegative();
    this.kept = Caffeine.newBuilder().expireAfterWrite(keeping ? keepFor : Duration.ofMillis(1)).maximumSize(10_000).build();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getIdentityProviderSessionFactory() == null) {
      configuration.setIdentityProviderSessionFactory(new LoginForgettingIdentityProvider.Factory(this));
    }
  }

  /** The login of these credentials, or null when the engine refuses them. */
  public Login login(IdentityService identity, String userId, String password) {
    byte[] proof = proof(userId, password);
    Kept known = keeping ? kept.getIfPresent(userId) : null;
    if (known != null && MessageDigest.isEqual(known.proof(), proof)) {
      return known.login();
    }
    long changesBefore = changes.get();
    if (!identity.checkPassword(userId, password)) {
      return null;
    }
    Login login = new Login(userId, identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList());
    if (keeping && changes.get() == changesBefore) {
      kept.put(userId, new Kept(proof, login));
      if (changes.get() != changesBefore) {
        kept.invalidate(userId);
      }
    }
    return login;
  }

  /** Users, groups, tenants or memberships changed: every login is checked again. */
  void forgetAll() {
    changes.incrementAndGet();
    kept.invalidateAll();
  }

  private byte[] proof(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
