package org.paperlens.citation.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  @Test
  void seconds_and_http_dates_both_read_as_a_wait_from_now() {
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofMinutes(2));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Sun, 06 Dec 2026 12:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
    assertThat(RetryAfter.parse("Sun, 06 Dec 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void anything_else_is_no_retry_after() {
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
  }
}
