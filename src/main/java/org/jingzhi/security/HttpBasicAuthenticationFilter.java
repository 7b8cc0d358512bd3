package org.jingzhi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against the engine's identity service for the engine REST API and our own API. The
 * authenticated user (with its groups and tenants) is set on the engine for the request, so every
 * engine call is checked against that user's authorizations. Logins are kept briefly ({@link VerifiedLogins}).
 */
public class HttpBasicAuthenticationFilter extends OncePerRequestFilter {

  private static final String REALM = "Basic realm=\"jingzhi\", charset=\"UTF-8\"";

  private final IdentityService identityService;
  private final VerifiedLogins logins;
  private final Predicate<HttpServletRequest> open;

  /** {@code open} names the requests that need no login. */
  public HttpBasicAuthenticationFilter(IdentityService identityService, VerifiedLogins logins, Predicate<HttpServletRequest> open) {
    this.identityService = identityService;
    this.logins = logins;
    this.open = open;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (open.test(request)) {
      chain.doFilter(request, response);
      return;
    }
    VerifiedLogins.Login login = authenticatedUser(request);
    if (login == null) {
      refuse(response);
      return;
    }
    try {
      identityService.setAuthentication(login.userId(), login.groups(), login.tenants());
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private VerifiedLogins.Login authenticatedUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = credentials.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = credentials.substring(0, colon);
    return logins.login(identityService, userId, credentials.substring(colon + 1));
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", REALM);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"请先登录：用户名或密码错误或缺失（HTTP Basic）\"}");
  }
}
