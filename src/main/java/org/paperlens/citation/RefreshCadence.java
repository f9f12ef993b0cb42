package org.paperlens.citation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When a paper's citation data is asked for again: a new paper's counts move daily, an old one's
 * hardly in a month. Daily while the paper is under {@code young} old, weekly until {@code grown},
 * monthly after (by default two weeks and six months). Immutable and thread-safe.
 */
public record RefreshCadence(Duration young, Duration grown) {

  public static final RefreshCadence DEFAULT = new RefreshCadence(Duration.ofDays(14), Duration.ofDays(183));

  static final Duration DAY = Duration.ofDays(1);
  static final Duration WEEK = Duration.ofDays(7);
  static final Duration MONTH = Duration.ofDays(30);

  public RefreshCadence {
    if (young.isNegative() || grown.compareTo(young) < 0) {
      throw new IllegalArgumentException("the cadence's ages must grow: young " + young + ", grown " + grown);
    }
  }

  /** How long to wait after asking at {@code now} about a paper that appeared on {@code published}. */
  public Duration interval(LocalDate published, Instant now) {
    Duration age = Duration.between(published.atStartOfDay(ZoneOffset.UTC).toInstant(), now);
    if (age.compareTo(young) < 0) {
      return DAY;
    }
    return age.compareTo(grown) < 0 ? WEEK : MONTH;
  }

  /** The next time to ask, after asking at {@code now}. */
  public Instant next(LocalDate published, Instant now) {
    return now.plus(interval(published, now));
  }
}
