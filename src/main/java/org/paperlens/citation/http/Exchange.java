package org.paperlens.citation.http;

import java.time.Instant;

/** How one request to a source ended, after retries. */
public sealed interface Exchange<T> {

  /** A 200 whose body parsed. */
  record Ok<T>(T value) implements Exchange<T> {}

  /**
   * The source is down, overloaded or unreachable: it will be left alone until {@code retryAt}.
   *
   * @param since the first failure in the current run of failures
   */
  record Unavailable<T>(Instant since, Instant retryAt, String reason) implements Exchange<T> {}

  /** The source answered with something unusable (refusal, oversized or unreadable body); not worth repeating soon. */
  record Unusable<T>(String reason) implements Exchange<T> {}
}
