package org.paperlens.citation.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * At most one request per {@code interval}, counted from the start of one request to the start of
 * the next (how Semantic Scholar states its limit: "1 request per second"). Thread-safe: callers
 * queue on the lock, so concurrent callers are paced too.
 */
public final class RateLimiter {

  private final Duration interval;
  private final Clock clock;
  private final Sleeper sleeper;
  private Instant last = null;

  public RateLimiter(Duration interval, Clock clock, Sleeper sleeper) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("a rate limit interval cannot be negative, was " + interval);
    }
    this.interval = interval;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** One request per second divided by {@code perSecond}; {@code 10} gives 100 ms. */
  public static Duration perSecond(double perSecond) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("requests per second must be positive, was " + perSecond);
    }
    return Duration.ofNanos(Math.round(1_000_000_000 / perSecond));
  }

  /** Waits until the next request may start, and counts it as started. */
  public synchronized void acquire() throws InterruptedException {
    Instant now = clock.instant();
    if (last != null) {
      Instant allowed = last.plus(interval);
      if (now.isBefore(allowed)) {
        sleeper.sleep(Duration.between(now, allowed));
        now = clock.instant();
      }
    }
    last = now;
  }

  public Duration interval() {
    return interval;
  }
}
