package org.jingzhi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps let any logged-in user call any webapp's plugin API ({@code /camunda/api/cockpit/plugin/…}):
 * only a login is required, not access to that app. Cockpit's own process-instance query, for one,
 * filters running variables with {@code like} and comparisons and so reads values a unit may not
 * see. A plugin API answers only users with access to its app (Cockpit: supervision, the command centre, administrators).
 */
class WebappPluginGuard extends OncePerRequestFilter {

  private static final Pattern PLUGIN_API = Pattern.compile("^/camunda/api/(cockpit|admin|tasklist|welcome)/plugin/[^/]+/([^/]+)(/.*)?$");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Matcher plugin = PLUGIN_API.matcher(path);
    if (plugin.matches() && !"static".equals(plugin.group(2)) && !mayUse(request.getSession(false), plugin.group(2), plugin.group(1))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"无权使用该应用（" + plugin.group(1) + "）的接口\"}");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean mayUse(HttpSession session, String engine, String app) {
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engine);
    return user instanceof UserAuthentication login && login.isAuthorizedForApp(app);
  }
}
