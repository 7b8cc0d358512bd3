package org.jingzhi.approval;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the applicants' open case view against guessing query codes: each client address gets
 * {@code requestsPerMinute} look-ups a minute (then 429 with a Chinese message), and every answer that
 * is not a case (unknown case, wrong code, bad request) takes the same {@code refusalMillis}, so its
 * timing tells nothing about whether the case exists. Counts are per node.
 */
class PublicQueryGuard extends OncePerRequestFilter {

  private static final long MINUTE = TimeUnit.MINUTES.toMillis(1);

  private final PublicQuerySettings settings;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  PublicQueryGuard(PublicQuerySettings settings) {
    this.settings = settings;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long started = System.nanoTime();
    if (!admit(request.getRemoteAddr(), System.currentTimeMillis())) {
      response.setStatus(429);
      response.setHeader("Retry-After", "60");
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"查询过于频繁，请一分钟后再试\"}");
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() != HttpServletResponse.SC_OK) {
      waitUntil(started + TimeUnit.MILLISECONDS.toNanos(settings.refusalMillis()));
    }
  }

  boolean admit(String address, long now) {
    if (windows.size() > 10_000) {
      windows.values().removeIf(window -> window.start < now - MINUTE);
    }
    Window window = windows.compute(address, (key, current) -> current == null || current.start < now - MINUTE ? new Window(now) : current);
    return window.count.incrementAndGet() <= settings.requestsPerMinute();
  }

  private static void waitUntil(long deadline) {
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static final class Window {
    final long start;
    final AtomicInteger count = new AtomicInteger();

    Window(long start) {
      this.start = start;
    }
  }
}
