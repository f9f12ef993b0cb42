package org.paperlens.index;

import java.util.Locale;

/**
 * Which papers a keyword query's words match when the query joins them with no operator. The
 * default, {@link #ALL}, is arXiv's and most search boxes' rule: a paper matches when it has every
 * word (as stemmed, stop words left out), so a search's total counts papers about all of the query,
 * not any word of it. {@link #ANY} is the classic OR: a paper with any word matches and BM25 ranks
 * the rest; evaluation on BEIR uses it, as the benchmark's figures do. Explicit {@code OR},
 * {@code AND}, {@code NOT}, {@code +} and {@code -} mean the same under both: {@code a OR b}
 * matches either word, and so does {@code (a OR b) c} with {@code c} required.
 */
public enum Match {
  ALL, ANY;

  /** The name used in URLs, the API and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code all} or {@code any}. */
  public static Match parse(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "all", "and" -> ALL;
      case "any", "or" -> ANY;
      default -> throw new IllegalArgumentException("unknown match '" + name + "'; use all or any");
    };
  }
}
