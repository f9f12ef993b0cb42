package org.paperlens.index;

import java.util.Locale;

/**
 * How many papers a search matches: exactly {@code value}, or, when counting stopped at a bound,
 * at least {@code value}. Counting every match of a common word costs more than finding the best
 * ten at a million papers, and nobody pages through a thousand, so searches count up to a bound
 * and say "1,000+" past it (what Lucene's {@code TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO} and
 * Solr's {@code numFoundExact=false} say).
 *
 * @param value the count, or its lower bound when {@code exact} is false; never negative
 */
public record HitCount(int value, boolean exact) {

  public HitCount {
    if (value < 0) {
      throw new IllegalArgumentException("a count of " + value);
    }
  }

  public static HitCount exactly(int value) {
    return new HitCount(value, true);
  }

  public static HitCount atLeast(int value) {
    return new HitCount(value, false);
  }

  /** This count, raised to {@code min} if it is below (a lower bound stays a lower bound). */
  public HitCount max(int min) {
    return value >= min ? this : new HitCount(min, exact);
  }

  /** "1,234", or "1,000+" for a lower bound. */
  public String text() {
    return String.format(Locale.ROOT, "%,d", value) + (exact ? "" : "+");
  }
}
