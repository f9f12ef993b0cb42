package org.paperlens.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feed and export links of a list page, for the page's {@code <link rel="alternate">} tags
 * (so feed readers find them) and its visible "Follow" line. Pages put {@link #feeds} under
 * {@code feeds} and {@link #exports} under {@code exports}; {@link Templates} drops the feeds when
 * the server serves none, so no page links a 404.
 */
public final class FollowLinks {

  private FollowLinks() {}

  /** Puts a page's feeds and exports (either may be empty) into its model. */
  static void put(Map<String, Object> model, List<Map<String, Object>> feeds, List<Map<String, Object>> exports) {
    model.put("feeds", feeds);
    model.put("exports", exports);
  }

  /** What the follow line needs to know, once {@link Templates} has decided which feeds stay. */
  static void flags(Map<String, Object> model) {
    boolean feeds = model.get("feeds") instanceof List<?> l && !l.isEmpty();
    boolean exports = model.get("exports") instanceof List<?> l && !l.isEmpty();
    model.put("hasFeeds", feeds);
    model.put("hasExports", exports);
    model.put("hasFollow", feeds || exports);
  }

  /** An Atom and an RSS link for the feed at {@code feedPath} (which may carry a query). */
  static List<Map<String, Object>> feeds(String title, String feedPath) {
    String rss = feedPath + (feedPath.contains("?") ? "&" : "?") + "format=rss";
    return List.of(link("Atom", title, feedPath, "application/atom+xml", "atom"),
        link("RSS", title, rss, "application/rss+xml", "rss"));
  }

  /** BibTeX, RIS and CSL-JSON links for the export at {@code exportPath} (which may carry a query). */
  static List<Map<String, Object>> exports(String exportPath) {
    List<Map<String, Object>> out = new ArrayList<>();
    String sep = exportPath.contains("?") ? "&" : "?";
    for (String[] f : new String[][] {{"bibtex", "BibTeX"}, {"ris", "RIS"}, {"csl-json", "CSL-JSON"}}) {
      out.add(link(f[1], f[1], exportPath + sep + "format=" + f[0], null, f[0]));
    }
    return out;
  }

  private static Map<String, Object> link(String label, String title, String url, String type, String kind) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", label);
    m.put("title", title);
    m.put("url", url);
    m.put("type", type);
    m.put("kind", kind);
    return m;
  }
}
