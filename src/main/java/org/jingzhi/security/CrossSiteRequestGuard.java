package org.jingzhi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine REST API and our API log in with HTTP Basic, which a browser remembers (after the login
 * prompt of /api/docs) and sends again with any request, also one that another site's page makes. A
 * request that changes something is refused when the browser says it comes from another site
 * ({@code Sec-Fetch-Site}) or from another origin ({@code Origin}). REST clients send neither header.
 */
class CrossSiteRequestGuard extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE_METHODS.contains(request.getMethod()) && fromAnotherSite(request)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"status\":403,\"error\":\"Forbidden\",\"message\":\"拒绝跨站请求：请求来自其他网站（cross-site request refused）\"}");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean fromAnotherSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !OWN_SITE.contains(fetchSite.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String origin = request.getHeader("Origin");
    return origin != null && !authority(origin).equals(hostAuthority(request.getHeader("Host")));
  }

  /** host:port of an origin, without the scheme's default port; "null" and malformed origins are nobody's. */
  private static String authority(String origin) {
    try {
      URI uri = URI.create(origin.trim());
      if (uri.getHost() == null) {
        return "";
      }
      boolean defaultPort = uri.getPort() == -1 || ("http".equals(uri.getScheme()) && uri.getPort() == 80)
          || ("https".equals(uri.getScheme()) && uri.getPort() == 443);
      return uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + uri.getPort());
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String hostAuthority(String host) {
    if (host == null) {
      return "\0";
    }
    String authority = host.trim().toLowerCase(Locale.ROOT);
    return authority.endsWith(":80") || authority.endsWith(":443") ? authority.substring(0, authority.lastIndexOf(':')) : authority;
  }
}
