/**
 * Politeness and faults shared by every citation source: one request at a time, paced by a
 * {@link org.paperlens.citation.http.RateLimiter}; {@code Retry-After} honoured (seconds or HTTP
 * date); 429, 5xx, timeouts and unreadable bodies retried with capped exponential backoff; every
 * request capped in time (connect to last byte) and in bytes; and a source that keeps failing
 * marked unavailable since the first failure and left alone for a cool-down, so callers get an
 * answer at once instead of waiting on a dead host. {@link org.paperlens.citation.http.PoliteClient}
 * does all of it and returns a typed {@link org.paperlens.citation.http.Exchange}, never an exception.
 *
 * <p>Time comes from a {@link java.time.Clock} and waits go through a
 * {@link org.paperlens.citation.http.Sleeper}, so tests run backoffs and rate limits on a fake clock.
 */
package org.paperlens.citation.http;
