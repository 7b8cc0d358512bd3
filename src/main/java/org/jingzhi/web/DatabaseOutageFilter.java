package org.jingzhi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database restarts, a request fails before it reaches a controller (reading the login, checking a password):
 * it gets 503 and a Chinese message, as {@link ApiExceptionHandler} answers inside the API, not Spring's 500 page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!ApiExceptionHandler.databaseUnavailable(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("The database cannot be reached ({} {}): {}", request.getMethod(), request.getRequestURI(), e.getMessage());
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"status\":503,\"error\":\"Service Unavailable\",\"message\":\"数据库暂时无法连接，本次操作未生效，请稍后重试\"}");
    }
  }
}
