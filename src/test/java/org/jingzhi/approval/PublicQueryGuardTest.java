package org.jingzhi.approval;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Guessing query codes: a client address gets its look-ups a minute, then 429; refusals all take the same time. */
class PublicQueryGuardTest {

  @Test
  void anAddressGetsItsLookUpsAMinuteThen429InChinese() throws Exception {
    PublicQueryGuard guard = new PublicQueryGuard(new PublicQuerySettings(3, 0));

    for (int i = 0; i < 3; i++) {
      assertThat(lookUp(guard, "203.0.113.7").getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = lookUp(guard, "203.0.113.7");

    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    assertThat(refused.getContentAsString()).contains("查询过于频繁，请一分钟后再试");
    assertThat(lookUp(guard, "198.51.100.9").getStatus()).as("another address is not affected").isEqualTo(200);
  }

  @Test
  void theCountStartsAfreshAfterAMinute() {
    PublicQueryGuard guard = new PublicQueryGuard(new PublicQuerySettings(1, 0));

    assertThat(guard.admit("203.0.113.7", 0)).isTrue();
    assertThat(guard.admit("203.0.113.7", 59_000)).isFalse();
    assertThat(guard.admit("203.0.113.7", 60_001)).isTrue();
  }

  @Test
  void aRefusalTakesTheConfiguredTime() throws Exception {
    PublicQueryGuard guard = new PublicQueryGuard(new PublicQuerySettings(100, 80));
    MockFilterChain notFound = new MockFilterChain() {
      @Override
      public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
        ((HttpServletResponse) response).setStatus(404);
      }
    };
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/public/cases/LH-20261130-000001");

    long started = System.nanoTime();
    guard.doFilter(request, new MockHttpServletResponse(), notFound);

    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(80);
  }

  private static MockHttpServletResponse lookUp(PublicQueryGuard guard, String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/public/cases/LH-20261130-000001");
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    guard.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
