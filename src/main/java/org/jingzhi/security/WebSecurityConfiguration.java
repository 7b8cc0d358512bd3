package org.jingzhi.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.organization.Organization;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class WebSecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_API = "/camunda/api";
  static final String ADMIN_SETUP = WEBAPP_API + "/admin/setup";
  static final String ACTUATOR = "/actuator";

  @Bean
  FilterRegistrationBean<AdminSetupGuard> adminSetupGuard() {
    FilterRegistrationBean<AdminSetupGuard> registration = new FilterRegistrationBean<>(new AdminSetupGuard());
    registration.addUrlPatterns(ADMIN_SETUP + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineApiShield> engineApiShield() {
    FilterRegistrationBean<EngineApiShield> registration = new FilterRegistrationBean<>(new EngineApiShield());
    registration.addUrlPatterns(ENGINE_REST + "/*", WEBAPP_API + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappPluginGuard> webappPluginGuard(Organization organization) {
    FilterRegistrationBean<WebappPluginGuard> registration =
        new FilterRegistrationBean<>(new WebappPluginGuard(groups -> CurrentUser.readsEverything(organization, groups)));
    registration.addUrlPatterns(WEBAPP_API + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
    return registration;
  }

  @Bean
  FilterRegistrationBean<CrossSiteRequestGuard> crossSiteRequestGuard() {
    FilterRegistrationBean<CrossSiteRequestGuard> registration = new FilterRegistrationBean<>(new CrossSiteRequestGuard());
    registration.addUrlPatterns(ENGINE_REST + "/*", "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
    return registration;
  }

  @Bean
  FilterRegistrationBean<HttpBasicAuthenticationFilter> httpBasicAuthentication(IdentityService identityService, VerifiedLogins logins) {
    FilterRegistrationBean<HttpBasicAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new HttpBasicAuthenticationFilter(identityService, logins, WebSecurityConfiguration::isOpen));
    registration.addUrlPatterns(ENGINE_REST + "/*", "/api/*", ACTUATOR + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<OperatorsOnly> operatorsOnly(IdentityService identityService) {
    FilterRegistrationBean<OperatorsOnly> registration = new FilterRegistrationBean<>(new OperatorsOnly(identityService));
    registration.addUrlPatterns(ACTUATOR + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }

  /** The health probes of load balancers and compose: status only, no login. */
  static boolean isHealthProbe(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return "GET".equals(request.getMethod()) && (path.equals(ACTUATOR + "/health") || path.startsWith(ACTUATOR + "/health/"));
  }

  /** The engine list (a health probe), the node's health probes and the applicants' public case view need no login. */
  static boolean isOpen(HttpServletRequest request) {
    if (isHealthProbe(request)) {
      return true;
    }
    // servlet path and path info are decoded and normalised by the container, unlike the raw URI
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if ("GET".equals(request.getMethod()) && (path.equals(ENGINE_REST + "/engine") || path.equals(ENGINE_REST + "/engine/"))) {
      return true;
    }
    return path.startsWith("/api/public/");
  }
}
