package org.paperlens.live;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When and what the server harvests: once a day at {@code at} in {@code zone} (by default half an
 * hour after arXiv's 20:00 US Eastern announcement), and at start-up when the last slot was missed.
 *
 * @param url the OAI-PMH endpoint
 * @param set the OAI set (e.g. {@code cs}), empty for all
 * @param firstDays how far back the very first harvest reaches (later ones carry on from the cursor)
 * @param delay the pause between requests the repository asks of harvesters
 */
public record HarvestSchedule(URI url, Optional<String> set, LocalTime at, ZoneId zone, int firstDays, Duration delay) {

  public static final LocalTime DEFAULT_AT = LocalTime.of(20, 30);
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/New_York");

  public HarvestSchedule {
    if (firstDays < 0) {
      throw new IllegalArgumentException("the first harvest cannot reach back a negative number of days: " + firstDays);
    }
  }

  /** The latest scheduled instant at or before {@code now}. */
  public Instant latestSlot(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime today = local.toLocalDate().atTime(at).atZone(zone);
    return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
  }

  /** Due when no harvest has run for the latest slot yet. */
  public boolean isDue(Optional<Instant> lastSlot, Clock clock) {
    Instant slot = latestSlot(clock.instant());
    return lastSlot.isEmpty() || lastSlot.get().isBefore(slot);
  }

  /** The first day the very first harvest asks for. */
  public LocalDate firstFrom(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusDays(firstDays);
  }
}
