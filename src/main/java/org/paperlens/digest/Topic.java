package org.paperlens.digest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperlens.paper.PaperId;

/** What a subscription follows. Stored as a kind and a target string ({@link #kind()}, {@link #target()}). */
public sealed interface Topic {

  /** The papers the community is upvoting; with {@link CitingPaper}, a topic an address alone (no account) may follow. */
  record Trending() implements Topic {}

  /** A saved keyword search, in the query language of the search box. */
  record SavedSearch(String query) implements Topic {}

  /** Personal recommendations from one tag of the subscriber's library (the account's liked papers). */
  record Tag(String tag) implements Topic {}

  /** An arXiv category, e.g. cs.CL. */
  record Category(String category) implements Topic {}

  /** An author, matched as a name in the author list. */
  record Author(String name) implements Topic {}

  /**
   * Citation alerts: new papers citing papers of the subscriber's choosing. They are not ranked
   * from the day's new papers like the other topics; {@link CitationAlerts} finds them among the
   * citations paperlens learnt of since the last digest.
   */
  sealed interface Citing extends Topic permits CitingPaper, CitingLibrary, CitingTag, CitingAuthor {}

  /** New papers citing one catalogue paper. */
  record CitingPaper(PaperId paper) implements Citing {}

  /** New papers citing any paper saved in the subscriber's library. */
  record CitingLibrary() implements Citing {}

  /** New papers citing any paper the subscriber saved under one tag. */
  record CitingTag(String tag) implements Citing {}

  /**
   * New papers citing an author's papers: by name (as the author page finds them), or, when
   * {@code identity} is set, by the person a source identified (their papers under every spelling).
   * Stored as the name, or as {@code #IDENTITY NAME}.
   */
  record CitingAuthor(String name, Long identity) implements Citing {}

  /** Every kind, as a message lists them. */
  String KINDS = "trending, search, tag, category, author, citing-paper, citing-library, citing-tag, citing-author";

  /** {@code #12 Yang Liu}: an author identity's number, then the name shown for it. */
  Pattern IDENTITY_TARGET = Pattern.compile("#(\\d{1,18}) +(\\S.*)");

  default String kind() {
    return switch (this) {
      case Trending t -> "trending";
      case SavedSearch s -> "search";
      case Tag t -> "tag";
      case Category c -> "category";
      case Author a -> "author";
      case CitingPaper c -> "citing-paper";
      case CitingLibrary c -> "citing-library";
      case CitingTag c -> "citing-tag";
      case CitingAuthor c -> "citing-author";
    };
  }

  /** The stored target; null for trending and for one's whole library. */
  default String target() {
    return switch (this) {
      case Trending t -> null;
      case SavedSearch s -> s.query();
      case Tag t -> t.tag();
      case Category c -> c.category();
      case Author a -> a.name();
      case CitingPaper c -> c.paper().value();
      case CitingLibrary c -> null;
      case CitingTag c -> c.tag();
      case CitingAuthor c -> c.identity() == null ? c.name() : "#" + c.identity() + " " + c.name();
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
      case CitingPaper c -> "New papers citing " + c.paper().value();
      case CitingLibrary c -> "New papers citing your library";
      case CitingTag c -> "New papers citing your tag " + c.tag();
      case CitingAuthor c -> "New papers citing " + c.name() + (c.identity() == null ? "" : " (author #" + c.identity() + ")");
    };
  }

  /**
   * Whether the topic needs a signed-in account: personal topics come from a library, and the
   * others are kept for members so that an address alone cannot be subscribed to much. Trending
   * and one paper's citations (the paper page's "alert me" form) are open to anyone, double opt-in.
   */
  default boolean needsAccount() {
    return !(this instanceof Trending || this instanceof CitingPaper);
  }

  /**
   * Parses a kind and target as stored or as submitted by a form.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  static Topic of(String kind, String target) {
    String k = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
    String t = target == null ? "" : target.strip();
    if (!java.util.List.of(KINDS.split(", ")).contains(k)) {
      throw new IllegalArgumentException("unknown subscription kind '" + kind + "'; known: " + KINDS);
    }
    if (!k.equals("trending") && !k.equals("citing-library") && t.isEmpty()) {
      throw new IllegalArgumentException("a " + k + " subscription needs a target (a query, tag, category, author or paper)");
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
      case "citing-paper" -> {
        if (t.length() > 100 || t.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException("'" + t + "' is not a paper id (e.g. 2401.01234)");
        }
        yield new CitingPaper(new PaperId(t));
      }
      case "citing-library" -> new CitingLibrary();
      case "citing-tag" -> new CitingTag(t);
      case "citing-author" -> {
        Matcher m = IDENTITY_TARGET.matcher(t);
        yield m.matches() ? new CitingAuthor(m.group(2).strip(), Long.parseLong(m.group(1))) : new CitingAuthor(t, null);
      }
      default -> throw new IllegalArgumentException("unknown subscription kind '" + kind + "'; known: " + KINDS);
    };
  }
}
