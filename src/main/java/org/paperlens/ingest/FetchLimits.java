package org.paperlens.ingest;

import java.time.Duration;

/**
 * What one request to a remote source may cost, so a broken or hostile server cannot fill the
 * disk, exhaust the heap or hold a caller for ever.
 *
 * @param timeout the most one HTTP request may take, from connecting to the last byte of its body
 *     (the JDK's own request timeout stops at the headers, so a body that trickles in would not end)
 * @param maxBytes the most a response body may hold, both as sent and, when gzip, as unpacked
 * @param longestRetryAfter the longest {@code Retry-After} waited for; a server asking for more
 *     fails the fetch at once ("come back later")
 */
public record FetchLimits(Duration timeout, long maxBytes, Duration longestRetryAfter) {

  /**
   * For unattended harvests: an arXiv page of 1,000 records is 3 to 4 MB unpacked, and arXiv's
   * longest Retry-After in practice is a few minutes.
   */
  public static final FetchLimits HARVEST = new FetchLimits(Duration.ofSeconds(60), 64L << 20, Duration.ofMinutes(15));

  /** For a paper someone submits: one record of a few kilobytes, fetched while a person waits. */
  public static final FetchLimits SUBMISSION = new FetchLimits(Duration.ofSeconds(10), 4L << 20, Duration.ofSeconds(10));

  public FetchLimits {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the request time limit must be positive, was " + timeout);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the response size limit must be positive, was " + maxBytes);
    }
    if (longestRetryAfter.isNegative()) {
      throw new IllegalArgumentException("the longest Retry-After cannot be negative, was " + longestRetryAfter);
    }
  }

  public FetchLimits withTimeout(Duration other) {
    return new FetchLimits(other, maxBytes, longestRetryAfter);
  }
}
