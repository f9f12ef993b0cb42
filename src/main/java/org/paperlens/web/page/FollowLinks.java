package org.paperlens.web.page;

import java.util.List;

/**
 * The feed and export links of a list page, for the page's {@code <link rel="alternate">} tags
 * (so feed readers find them) and its visible "Follow" line ({@code follow.mustache}). A page hands
 * them to {@link Templates}, which drops the feeds when the server serves none, so no page links a 404.
 */
public record FollowLinks(List<Link> feeds, List<Link> exports) {

  /** A page that links neither. */
  public static final FollowLinks NONE = new FollowLinks(List.of(), List.of());

  /** One link: {@code type} is the feed's media type (null for an export), {@code kind} names it for tests and CSS. */
  public record Link(String label, String title, String url, String type, String kind) {}

  public FollowLinks {
    feeds = List.copyOf(feeds);
    exports = List.copyOf(exports);
  }

  /** A page's feeds alone. */
  static FollowLinks ofFeeds(String title, String feedPath) {
    return new FollowLinks(feeds(title, feedPath), List.of());
  }

  /** A page's exports alone. */
  static FollowLinks ofExports(String exportPath) {
    return new FollowLinks(List.of(), exports(exportPath));
  }

  public boolean hasFeeds() {
    return !feeds.isEmpty();
  }

  public boolean hasExports() {
    return !exports.isEmpty();
  }

  public boolean hasFollow() {
    return hasFeeds() || hasExports();
  }

  FollowLinks withoutFeeds() {
    return new FollowLinks(List.of(), exports);
  }

  /** An Atom and an RSS link for the feed at {@code feedPath} (which may carry a query). */
  static List<Link> feeds(String title, String feedPath) {
    String rss = feedPath + (feedPath.contains("?") ? "&" : "?") + "format=rss";
    return List.of(new Link("Atom", title, feedPath, "application/atom+xml", "atom"),
        new Link("RSS", title, rss, "application/rss+xml", "rss"));
  }

  /** BibTeX, RIS and CSL-JSON links for the export at {@code exportPath} (which may carry a query). */
  static List<Link> exports(String exportPath) {
    String sep = exportPath.contains("?") ? "&" : "?";
    return List.of(new Link("BibTeX", "BibTeX", exportPath + sep + "format=bibtex", null, "bibtex"),
        new Link("RIS", "RIS", exportPath + sep + "format=ris", null, "ris"),
        new Link("CSL-JSON", "CSL-JSON", exportPath + sep + "format=csl-json", null, "csl-json"));
  }
}
