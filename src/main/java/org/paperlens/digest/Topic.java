package org.paperlens.digest;

import java.util.Locale;

/** What a subscription follows. Stored as a kind and a target string ({@link #kind()}, {@link #target()}). */
public sealed interface Topic {

  /** The papers the community is upvoting; the only topic an address alone (no account) may follow. */
  record Trending() implements Topic {}

  /** A saved keyword search, in the query language of the search box. */
  record SavedSearch(String query) implements Topic {}

  /** Personal recommendations from one tag of the subscriber's library (the account's liked papers). */
  record Tag(String tag) implements Topic {}

  /** An arXiv category, e.g. cs.CL. */
  record Category(String category) implements Topic {}

  /** An author, matched as a name in the author list. */
  record Author(String name) implements Topic {}

  default String kind() {
    return switch (this) {
      case Trending t -> "trending";
      case SavedSearch s -> "search";
      case Tag t -> "tag";
      case Category c -> "category";
      case Author a -> "author";
    };
  }

  /** The stored target; null for trending. */
  default String target() {
    return switch (this) {
      case Trending t -> null;
      case SavedSearch s -> s.query();
      case Tag t -> t.tag();
      case Category c -> c.category();
      case Author a -> a.name();
    };
  }

  /** How a mail and a page name it. */
  default String describe() {
    return switch (this) {
      case Trending t -> "Trending papers";
      case SavedSearch s -> "Search: " + s.query();
      case Tag t -> "Recommended for your tag " + t.tag();
      case Category c -> "New in " + c.category();
      case Author a -> "New papers by " + a.name();
    };
  }

  /** Whether the topic needs a signed-in account (personal recommendations come from a library). */
  default boolean needsAccount() {
    return !(this instanceof Trending);
  }

  /**
   * Parses a kind and target as stored or as submitted by a form.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  static Topic of(String kind, String target) {
    String k = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
    String t = target == null ? "" : target.strip();
    if (!k.equals("trending") && t.isEmpty()) {
      throw new IllegalArgumentException("a " + k + " subscription needs a target (a query, tag, category or author)");
    }
    if (t.length() > 500) {
      throw new IllegalArgumentException("the subscription target is too long (" + t.length() + " characters, at most 500)");
    }
    return switch (k) {
      case "trending" -> new Trending();
      case "search" -> new SavedSearch(t);
      case "tag" -> new Tag(t);
      case "category" -> {
        if (!t.matches("[A-Za-z-]+(\\.[A-Za-z-]+)?")) {
          throw new IllegalArgumentException("'" + t + "' is not an arXiv category (e.g. cs.CL)");
        }
        yield new Category(t);
      }
      case "author" -> new Author(t);
      default -> throw new IllegalArgumentException(
          "unknown subscription kind '" + kind + "'; known: trending, search, tag, category, author");
    };
  }
}
