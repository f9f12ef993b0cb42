package org.paperlens.citation.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void requests_start_at_least_one_interval_apart_counting_time_already_passed() throws Exception {
    FakeTime time = new FakeTime(Instant.parse("2026-12-06T12:00:00Z"));
    RateLimiter limiter = new RateLimiter(Duration.ofSeconds(1), time, time);
    limiter.acquire();
    limiter.acquire();
    time.advance(Duration.ofMillis(300));
    limiter.acquire();
    time.advance(Duration.ofSeconds(5));
    limiter.acquire();
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(700));
  }

  @Test
  void rates_read_as_intervals() {
    assertThat(RateLimiter.perSecond(10)).isEqualTo(Duration.ofMillis(100));
    assertThat(RateLimiter.perSecond(0.5)).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> RateLimiter.perSecond(0)).hasMessageContaining("must be positive, was 0.0");
  }

  @Test
  void backoff_doubles_up_to_its_cap() {
    FetchPolicy p = new FetchPolicy(Duration.ZERO, Duration.ofSeconds(1), 1, 9, Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ZERO, Duration.ZERO);
    assertThat(java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(p::backoff)).containsExactly(
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
  }
}
