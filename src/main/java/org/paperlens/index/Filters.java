package org.paperlens.index;

import java.time.LocalDate;
import java.util.Set;

/**
 * Restrictions every search mode honours. Applied inside the index (for vector search as a
 * pre-filter on the HNSW walk), so a filtered search still returns k results when k exist.
 *
 * @param from first date included, or null
 * @param to last date included, or null
 * @param categories any of these arXiv categories (cross-lists count); empty for all
 * @param author a name or part of one, matched as a phrase in the author list; null for any
 * @param withCode only papers that link code ({@link org.paperlens.paper.CodeLinks})
 */
public record Filters(LocalDate from, LocalDate to, Set<String> categories, String author, boolean withCode) {

  public static final Filters NONE = new Filters(null, null, Set.of(), null);

  public Filters(LocalDate from, LocalDate to, Set<String> categories, String author) {
    this(from, to, categories, author, false);
  }

  public Filters {
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    if (author != null && author.isBlank()) {
      author = null;
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("date range is empty: " + from + " is after " + to);
    }
  }

  public boolean isEmpty() {
    return from == null && to == null && categories.isEmpty() && author == null && !withCode;
  }
}
