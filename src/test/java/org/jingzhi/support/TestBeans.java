package org.jingzhi.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Beans only tests need; part of every {@link IntegrationTest} context so that they all share one. */
@TestConfiguration
public class TestBeans {

  @Bean
  Canary canary() {
    return new Canary();
  }

  /** Counts calls from expressions an attacker smuggles in; any call means the guard failed. */
  public static class Canary {
    private final AtomicInteger hits = new AtomicInteger();

    public String hit() {
      hits.incrementAndGet();
      return "window";
    }

    public int hits() {
      return hits.get();
    }

    public void reset() {
      hits.set(0);
    }
  }
}
