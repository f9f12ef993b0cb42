package org.paperlens.feed;

import java.util.Locale;

/** The feed formats served: Atom 1.0 (the default) and RSS 2.0. */
public enum FeedFormat {
  ATOM("atom_1.0", "application/atom+xml; charset=utf-8"),
  RSS("rss_2.0", "application/rss+xml; charset=utf-8");

  private final String romeType;
  private final String contentType;

  FeedFormat(String romeType, String contentType) {
    this.romeType = romeType;
    this.contentType = contentType;
  }

  String romeType() {
    return romeType;
  }

  public String contentType() {
    return contentType;
  }

  /** {@code atom} (also when absent) or {@code rss}. */
  public static FeedFormat parse(String s) {
    return switch (s == null ? "atom" : s.strip().toLowerCase(Locale.ROOT)) {
      case "", "atom" -> ATOM;
      case "rss", "rss2" -> RSS;
      default -> throw new IllegalArgumentException("unknown feed format '" + s + "'; known: atom, rss");
    };
  }
}
