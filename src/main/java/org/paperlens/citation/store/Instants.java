package org.paperlens.citation.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as stored text: one fixed width (microseconds, UTC), so that comparing and sorting the
 * text (due times, alert windows) is comparing the instants. {@link Instant#toString} drops zero
 * fractions and would order {@code …:00Z} after {@code …:00.5Z}.
 */
final class Instants {

  private static final DateTimeFormatter TEXT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Instants() {}

  static String text(Instant at) {
    return TEXT.format(at);
  }

  static Instant parse(String text) {
    return Instant.parse(text);
  }

  /** What survives a round trip through the database: the instant to the microsecond. */
  static Instant stored(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
