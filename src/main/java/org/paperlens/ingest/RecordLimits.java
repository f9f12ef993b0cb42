package org.paperlens.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.paperlens.paper.Paper;

/**
 * How large a record and its fields may be, and which dates are possible. Every reader stops
 * holding a record once it passes {@link #MAX_RECORD_BYTES}, so memory stays bounded whatever the
 * input (a gzip bomb expands to gigabytes); {@link #violation} then refuses papers whose fields are
 * implausible, for every source alike, before anything is written.
 *
 * <p>The limits are far above real data: the largest line of 74,728 arXiv listings is 56 kB (a
 * paper with hundreds of authors), the longest abstract 3,488 characters (arXiv allows 1,920 words
 * less markup), the longest SciFact text 10,000 characters.
 */
final class RecordLimits {

  /** One JSON line, one XML record or Atom entry, one .abs file. */
  static final int MAX_RECORD_BYTES = 1 << 20;
  static final int MAX_TITLE = 2_000;
  static final int MAX_ABSTRACT = 100_000;
  /** Author names, comments, journal references, DOIs, categories. */
  static final int MAX_LINE_FIELD = 2_000;
  static final int MAX_AUTHORS = 10_000;
  static final int MAX_CATEGORIES = 100;
  /** Older than any paper a source of ours lists; a date before it is a typo or garbage. */
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private RecordLimits() {}

  /** Why {@code p} cannot go into the catalogue, or empty when it can. */
  static Optional<String> violation(Paper p, LocalDate today) {
    String problem = tooLong("title", p.title(), MAX_TITLE);
    problem = problem != null ? problem : tooLong("abstract", p.abstractText(), MAX_ABSTRACT);
    problem = problem != null ? problem : tooLong("comment", p.comment(), MAX_LINE_FIELD);
    problem = problem != null ? problem : tooLong("journal reference", p.journalRef(), MAX_LINE_FIELD);
    problem = problem != null ? problem : tooLong("DOI", p.doi(), MAX_LINE_FIELD);
    problem = problem != null ? problem : tooMany("authors", p.authors(), MAX_AUTHORS);
    problem = problem != null ? problem : tooMany("categories", p.categories(), MAX_CATEGORIES);
    problem = problem != null ? problem : tooMany("classes", p.classes(), MAX_CATEGORIES);
    problem = problem != null ? problem : impossible("submission date", p.submitted(), today);
    problem = problem != null ? problem : impossible("update date", p.updated(), today);
    problem = problem != null ? problem : impossible("listing date", p.firstListed(), today);
    return Optional.ofNullable(problem);
  }

  /** Why a deletion notice dated {@code on} is impossible, or empty. */
  static Optional<String> violation(LocalDate on, LocalDate today) {
    return Optional.ofNullable(impossible("deletion date", on, today));
  }

  private static String tooLong(String field, String value, int max) {
    return value != null && value.length() > max
        ? String.format("the %s is longer than %,d characters (%,d)", field, max, value.length()) : null;
  }

  private static String tooMany(String field, List<String> values, int max) {
    if (values.size() > max) {
      return String.format("more than %,d %s (%,d)", max, field, values.size());
    }
    for (String v : values) {
      if (v.length() > MAX_LINE_FIELD) {
        return String.format("one of the %s is longer than %,d characters (%,d)", field, MAX_LINE_FIELD, v.length());
      }
    }
    return null;
  }

  /** Dates from 1900 up to a year from now: a later one is a typo or garbage, and breaks date formatting downstream. */
  private static String impossible(String field, LocalDate date, LocalDate today) {
    if (date == null || (!date.isBefore(EARLIEST) && !date.isAfter(today.plusYears(1)))) {
      return null;
    }
    return "impossible " + field + " " + date + " (outside " + EARLIEST + " to a year from now)";
  }
}
