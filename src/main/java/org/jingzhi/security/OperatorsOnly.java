package org.jingzhi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/**} past the health probes (metrics) is for operators: administrators ({@code camunda-admin}). Clerks
 * get 403, and the probes say only UP or DOWN to anyone.
 */
class OperatorsOnly extends OncePerRequestFilter {

  private final IdentityService identityService;

  OperatorsOnly(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = identityService.getCurrentAuthentication();
    if (WebSecurityConfiguration.isHealthProbe(request)
        || user != null && user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"status\":403,\"error\":\"Forbidden\",\"message\":\"运行指标仅供运维人员（管理员）查看\"}");
  }
}
