package org.paperlens.citation.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.paperlens.citation.http.FetchPolicy;

/** The citation tests' own fixtures (src/test/resources/citation) and the policy they run under. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

  private Fixtures() {}

  static String text(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/citation/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource citation/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Quick to fail: 100 ms pacing, 3 attempts, backoff 1 s doubling to at most 4 s, Retry-After
   * waited up to a minute, 10 minutes' cool-down, bodies up to 64 KB. Waits are on a fake clock;
   * only the request time limit is real. It is 30 s because no test here waits for it, while a CI
   * machine at load 15 once took over 2 s to answer a stub's first request: the client timed out,
   * asked again, and a test counting requests saw one too many.
   */
  static FetchPolicy policy() {
    return new FetchPolicy(Duration.ofMillis(100), Duration.ofSeconds(30), 64 << 10, 3,
        Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(1), Duration.ofMinutes(10));
  }
}
