package org.jingzhi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against the engine's identity service for the engine REST API and our own API. The
 * authenticated user (with its groups and tenants) is set on the engine for the request, so every
 * engine call is checked against that user's authorizations.
 */
public class HttpBasicAuthenticationFilter extends OncePerRequestFilter {

  private static final String REALM = "Basic realm=\"jingzhi\", charset=\"UTF-8\"";

  private final IdentityService identityService;
  private final Predicate<HttpServletRequest> open;

  /** {@code open} names the requests that need no login. */
  public HttpBasicAuthenticationFilter(IdentityService identityService, Predicate<HttpServletRequest> open) {
    this.identityService = identityService;
    this.open = open;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (open.test(request)) {
      chain.doFilter(request, response);
      return;
    }
    String userId = authenticatedUser(request);
    if (userId == null) {
      refuse(response);
      return;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    try {
      identityService.setAuthentication(userId, groups, tenants);
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String authenticatedUser(HttpServletRequest request) {
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
    return identityService.checkPassword(userId, credentials.substring(colon + 1)) ? userId : null;
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", REALM);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"请先登录：用户名或密码错误或缺失（HTTP Basic）\"}");
  }
}
