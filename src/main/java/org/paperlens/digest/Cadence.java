package org.paperlens.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * When a subscription's digests go out: daily or weekly, at a local hour in a time zone.
 *
 * @param weekday the day of weekly digests (ignored for daily ones)
 */
public record Cadence(Frequency frequency, int hour, DayOfWeek weekday, ZoneId zone) {

  public enum Frequency {
    DAILY, WEEKLY;

    /** How many days of listings one digest covers the first time. */
    public int days() {
      return this == DAILY ? 1 : 7;
    }

    public static Frequency parse(String s) {
      return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
        case "daily" -> DAILY;
        case "weekly" -> WEEKLY;
        default -> throw new IllegalArgumentException("frequency must be daily or weekly, was '" + s + "'");
      };
    }
  }

  public Cadence {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("the hour must be from 0 to 23, was " + hour);
    }
    weekday = weekday == null ? DayOfWeek.MONDAY : weekday;
  }

  /** Parses form or CLI values (absent ones: daily, 07:00, Monday, UTC); a bad one throws IllegalArgumentException quoting it. */
  public static Cadence parse(String frequency, String hour, String weekday, String zone) {
    int h;
    try {
      h = Integer.parseInt(hour == null ? "7" : hour.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the hour must be a whole number from 0 to 23, was '" + hour + "'");
    }
    ZoneId z;
    try {
      z = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.strip());
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + zone + "' (use an IANA name such as Europe/Paris)");
    }
    DayOfWeek day = DayOfWeek.MONDAY;
    if (weekday != null && !weekday.isBlank()) {
      try {
        day = DayOfWeek.valueOf(weekday.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown weekday '" + weekday + "' (monday to sunday)");
      }
    }
    return new Cadence(frequency == null || frequency.isBlank() ? Frequency.DAILY : Frequency.parse(frequency), h, day, z);
  }

  /**
   * The latest scheduled instant at or before {@code now}. Local times that a DST change skips move
   * forward by the gap, and repeated ones take the earlier offset (what {@link ZonedDateTime#of} does),
   * so every day has exactly one slot.
   */
  public Instant latestSlot(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    LocalDate day = local.toLocalDate();
    if (frequency == Frequency.WEEKLY) {
      day = day.with(TemporalAdjusters.previousOrSame(weekday));
    }
    ZonedDateTime slot = ZonedDateTime.of(day, LocalTime.of(hour, 0), zone);
    if (slot.toInstant().isAfter(now)) {
      slot = ZonedDateTime.of(day.minusDays(frequency.days()), LocalTime.of(hour, 0), zone);
    }
    return slot.toInstant();
  }

  /** How people read it: "daily at 07:00 Europe/Paris", "weekly on Monday at 18:00 UTC". */
  public String describe() {
    String at = String.format("at %02d:00 %s", hour, zone.getId());
    return frequency == Frequency.DAILY ? "daily " + at
        : "weekly on " + weekday.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + at;
  }
}
