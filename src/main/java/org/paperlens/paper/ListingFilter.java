package org.paperlens.paper;

import java.util.Set;

/**
 * Narrows a daily listing: to papers in any of {@code categories} (cross-lists count; empty for
 * all) and, with {@code withCode}, to papers that link code ({@link CodeLinks}).
 */
public record ListingFilter(Set<String> categories, boolean withCode) {

  public static final ListingFilter NONE = new ListingFilter(Set.of(), false);
  /** More categories than this in one listing is not a filter a page offers. */
  public static final int MAX_CATEGORIES = 20;

  public ListingFilter {
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    if (categories.size() > MAX_CATEGORIES) {
      throw new IllegalArgumentException("at most " + MAX_CATEGORIES + " categories, not " + categories.size());
    }
  }

  /** The SQL condition on {@code papers} (starting with " AND", or empty), its values from {@link #args}. */
  String sql() {
    StringBuilder b = new StringBuilder();
    if (withCode) {
      b.append(" AND papers.has_code = 1");
    }
    if (!categories.isEmpty()) {
      b.append(" AND (");
      for (int i = 0; i < categories.size(); i++) {
        b.append(i == 0 ? "" : " OR ").append("(' ' || papers.categories || ' ') LIKE ? ESCAPE '\\'");
      }
      b.append(')');
    }
    return b.toString();
  }

  /** The values of {@link #sql}'s parameters, in order. */
  java.util.List<Object> args() {
    return categories.stream().sorted()
        .map(c -> (Object) ("% " + c.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %"))
        .toList();
  }
}
