package org.jingzhi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigates CVE-2026-77226: the Admin webapp's initial-setup endpoint
 * ({@code /camunda/api/admin/setup/{engine}/user/create}) creates an administrator without any
 * login whenever {@code camunda-admin} has no direct member. Jingzhi never needs it: the first
 * administrator comes from configuration ({@code camunda.bpm.admin-user}) or the staff file, so
 * every request to it is refused.
 */
public class AdminSetupGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AdminSetupGuard.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException {
    LOG.warn("Refused {} {} from {}: the admin setup endpoint is disabled", request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"status\":403,\"error\":\"Forbidden\",\"message\":"
        + "\"初始管理员只能通过配置创建（camunda.bpm.admin-user），在线初始化已停用\"}");
  }
}
