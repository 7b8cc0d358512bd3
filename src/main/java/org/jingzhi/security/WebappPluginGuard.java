package org.jingzhi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
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
 * see. A plugin API answers only users with access to its app; Cockpit's plugins only users who read every case
 * (supervision, administrators), except the plugin 效能督查, which the command centre uses too and which checks
 * its users itself.
 */
class WebappPluginGuard extends OncePerRequestFilter {

  private static final Pattern PLUGIN_API = Pattern.compile("^/camunda/api/(cockpit|admin|tasklist|welcome)/plugin/([^/]+)/([^/]+)(/.*)?$");
  /** The one Cockpit plugin for overseers who do not read every case (the command centre): its own checks decide. */
  static final String SUPERVISION_PLUGIN = "jingzhi-supervision";

  private final Predicate<List<String>> readsEverything;

  /** {@code readsEverything}: whether users of these groups may read every case with its variables. */
  WebappPluginGuard(Predicate<List<String>> readsEverything) {
    this.readsEverything = readsEverything;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Matcher plugin = PLUGIN_API.matcher(path);
    if (plugin.matches() && !isAsset(plugin) && !mayUse(request.getSession(false), plugin.group(1), plugin.group(2), plugin.group(3))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"无权使用该应用（" + plugin.group(1) + "）的接口\"}");
      return;
    }
    chain.doFilter(request, response);
  }

  /** A plugin's front end ({@code …/plugin/{name}/static/app/plugin.js}), which the webapps load before any login. */
  private static boolean isAsset(Matcher plugin) {
    return "static".equals(plugin.group(3)) && plugin.group(4) != null && plugin.group(4).startsWith("/app/");
  }

  private boolean mayUse(HttpSession session, String app, String pluginName, String engine) {
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engine);
    if (!(user instanceof UserAuthentication login) || !login.isAuthorizedForApp(app)) {
      return false;
    }
    return !"cockpit".equals(app) || SUPERVISION_PLUGIN.equals(pluginName)
        || readsEverything.test(login.getGroupIds() == null ? List.of() : List.copyOf(login.getGroupIds()));
  }
}
