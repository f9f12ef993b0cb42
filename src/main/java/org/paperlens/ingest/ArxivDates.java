package org.paperlens.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The date formats arXiv writes, read as the calendar day in UTC (the catalogue keeps days, and
 * arXiv's own day boundaries are in GMT).
 */
final class ArxivDates {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern WEEKDAY = Pattern.compile("^[A-Za-z]{3},\\s*");
  private static final Pattern ONE_DIGIT_HOUR = Pattern.compile(" (\\d):");
  private static final Pattern HAS_ZONE = Pattern.compile(".*(?:[A-Z]{2,}|[+-]\\d{4})$");

  private ArxivDates() {}

  /**
   * An e-mail style date as in {@code .abs} files and the Kaggle snapshot's {@code versions}:
   * {@code Fri, 1 Jan 1999 01:01:10 GMT}. Lenient where arXiv's history is: the seconds and the
   * zone (GMT when absent) may be missing, days and hours may have one digit, and the weekday is
   * ignored, because some records name the wrong one (1208.9998: "Thu, 29 Aug 2012", a Wednesday).
   *
   * @throws DateTimeParseException naming {@code raw}, when it is not such a date
   */
  static LocalDate fromRfc1123(String raw) {
    String s = WEEKDAY.matcher(SPACES.matcher(raw.strip()).replaceAll(" ")).replaceFirst("");
    s = ONE_DIGIT_HOUR.matcher(s).replaceFirst(" 0$1:");
    if (!HAS_ZONE.matcher(s).matches()) {
      s = s + " GMT";
    }
    try {
      return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)
          .withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new DateTimeParseException(e.getMessage(), raw, e.getErrorIndex(), e);
    }
  }

  /**
   * An ISO-8601 timestamp with offset, as in Atom feeds: {@code 2016-05-26T17:59:46Z}.
   *
   * @throws DateTimeParseException when it is not such a timestamp
   */
  static LocalDate fromIso(String raw) {
    return OffsetDateTime.parse(raw.strip()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
  }
}
