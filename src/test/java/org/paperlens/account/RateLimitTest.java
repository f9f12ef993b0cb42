package org.paperlens.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-07-01T12:00:00Z");
    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  @Test
  void a_key_gets_max_events_per_window_and_then_the_wait_until_the_oldest_expires() {
    MovableClock clock = new MovableClock();
    RateLimit limit = new RateLimit(3, Duration.ofMinutes(10), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(limit.tryAcquire("a")).isEmpty();
      clock.now = clock.now.plusSeconds(60);
    }
    assertThat(limit.tryAcquire("a")).contains(Duration.ofMinutes(7));
    assertThat(limit.tryAcquire("b")).as("other keys are not affected").isEmpty();
    clock.now = clock.now.plus(Duration.ofMinutes(7));
    assertThat(limit.tryAcquire("a")).isEmpty();
  }

  @Test
  void several_limits_count_together_or_not_at_all() {
    MovableClock clock = new MovableClock();
    RateLimit perName = new RateLimit(1, Duration.ofMinutes(15), clock);
    RateLimit perAddress = new RateLimit(5, Duration.ofMinutes(15), clock);
    assertThat(RateLimit.tryAcquire(perName.key("ann"), perAddress.key("10.0.0.1"))).isEmpty();
    assertThat(RateLimit.tryAcquire(perName.key("ann"), perAddress.key("10.0.0.1"))).contains(Duration.ofMinutes(15));
    // The refused attempt was not counted for the address: four more names fit.
    for (String name : new String[] {"bob", "cat", "dan", "eve"}) {
      assertThat(RateLimit.tryAcquire(perName.key(name), perAddress.key("10.0.0.1"))).as(name).isEmpty();
    }
    assertThat(RateLimit.tryAcquire(perName.key("fay"), perAddress.key("10.0.0.1"))).isPresent();
  }

  @Test
  void a_released_event_no_longer_counts() {
    RateLimit limit = new RateLimit(1, Duration.ofHours(1), new MovableClock());
    assertThat(limit.tryAcquire("x")).isEmpty();
    limit.release("x");
    assertThat(limit.tryAcquire("x")).isEmpty();
    assertThat(limit.wait("x")).isPresent();
    limit.clear("x");
    assertThat(limit.wait("x")).isEmpty();
  }
}
