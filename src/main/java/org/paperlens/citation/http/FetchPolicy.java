package org.paperlens.citation.http;

import java.time.Duration;

/**
 * How politely and how patiently one source is asked. The worst time one call can take is about
 * {@code maxAttempts × timeout} plus the backoffs between them (each at most {@code maxBackoff},
 * or a {@code Retry-After} up to {@code longestRetryAfter}); after that the source is left alone
 * for {@code coolDown} and calls return "unavailable" without a request.
 *
 * @param interval the least time between the starts of two requests (the source's rate limit)
 * @param timeout the most one request may take, from connecting to the last byte of its body
 * @param maxBytes the most a response body may hold, as sent and, when gzip, as unpacked
 * @param maxAttempts attempts per request, the first included
 * @param firstBackoff the wait after the first failure, doubled after each further one
 * @param maxBackoff the cap on that doubling
 * @param longestRetryAfter the longest {@code Retry-After} waited for within a call; a server
 *     asking for more makes the source unavailable until then
 * @param coolDown how long a source that gave up is left alone
 */
public record FetchPolicy(Duration interval, Duration timeout, long maxBytes, int maxAttempts,
    Duration firstBackoff, Duration maxBackoff, Duration longestRetryAfter, Duration coolDown) {

  public FetchPolicy {
    if (!timeout.isPositive()) {
      throw new IllegalArgumentException("the request time limit must be positive, was " + timeout);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the response size limit must be positive, was " + maxBytes);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt is needed, was " + maxAttempts);
    }
    if (interval.isNegative() || firstBackoff.isNegative() || maxBackoff.isNegative()
        || longestRetryAfter.isNegative() || coolDown.isNegative()) {
      throw new IllegalArgumentException("waits cannot be negative: " + this);
    }
  }

  /**
   * Semantic Scholar: 1 request per second, the rate of an (introductory) API key; without a key
   * requests share one pool among all callers, so 429s are to be expected and are honoured. A batch
   * of 500 papers with references and citations runs to tens of megabytes.
   */
  public static FetchPolicy semanticScholar() {
    return new FetchPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 128L << 20, 4,
        Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
  }

  /**
   * OpenAlex: 10 requests per second, well under its documented 100 per second, since what
   * limits a catalogue is the daily allowance, not the rate.
   */
  public static FetchPolicy openAlex() {
    return new FetchPolicy(Duration.ofMillis(100), Duration.ofSeconds(30), 32L << 20, 4,
        Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
  }

  public FetchPolicy withInterval(Duration other) {
    return new FetchPolicy(other, timeout, maxBytes, maxAttempts, firstBackoff, maxBackoff, longestRetryAfter, coolDown);
  }

  public FetchPolicy withTimeout(Duration other) {
    return new FetchPolicy(interval, other, maxBytes, maxAttempts, firstBackoff, maxBackoff, longestRetryAfter, coolDown);
  }

  public FetchPolicy withMaxBytes(long other) {
    return new FetchPolicy(interval, timeout, other, maxAttempts, firstBackoff, maxBackoff, longestRetryAfter, coolDown);
  }

  /** The wait after the {@code failures}-th failure in a row (1-based): doubling, capped. */
  Duration backoff(int failures) {
    Duration d = firstBackoff.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}
