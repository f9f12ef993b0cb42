package org.paperlens.digest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One subscription as stored.
 *
 * @param userId the account that made it, or null for an address alone
 * @param lastSlot the scheduled instant of the last digest planned, or null before the first
 * @param lastListed papers first listed on or before this day were already considered, or null
 * @param lastSeq the search index's watermark when the last digest was planned: papers that reached
 *     the index after it are still owed, even when first listed before {@code lastListed}; null before
 *     the first digest (or for a cursor from before watermarks existed)
 */
public record Subscription(long id, String email, String userId, Topic topic, Cadence cadence,
    Instant createdAt, Instant confirmedAt, Instant unsubscribedAt, Instant lastSlot, LocalDate lastListed, Long lastSeq) {

  /** Confirmed and not unsubscribed: the only state in which digests are sent. */
  public boolean active() {
    return confirmedAt != null && unsubscribedAt == null;
  }
}
