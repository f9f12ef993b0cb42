package org.paperlens.web.page;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.community.Signals;
import org.paperlens.community.Trending;
import org.paperlens.export.BibtexWriter;
import org.paperlens.index.IndexedPaper;
import org.paperlens.paper.CodeLinks;
import org.paperlens.paper.Paper;
import org.paperlens.related.RelatedPaper;
import org.paperlens.search.SearchHit;
import org.paperlens.web.http.Urls;

/**
 * The data of pages and API responses as plain maps: the API serialises them as JSON, the page
 * templates show them, so both always carry the same fields. Keys are the JSON field names.
 */
public final class Views {

  private Views() {}

  /** Everything known about a paper, for the paper page and GET /api/v1/papers/{id}. */
  public static Map<String, Object> paper(Paper p, Signals s) {
    Map<String, Object> m = summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.firstListed()));
    m.put("abstract", p.abstractText());
    m.put("categories", p.categories());
    m.put("version", p.version());
    m.put("submitted", date(p.submitted()));
    m.put("updated", date(p.updated()));
    m.put("firstListed", date(p.firstListed()));
    m.put("comment", p.comment());
    m.put("journalRef", p.journalRef());
    m.put("doi", p.doi());
    m.put("absUrl", p.absUrl() != null ? p.absUrl() : p.id().isArxiv() ? "https://arxiv.org/abs/" + p.id().value() : null);
    m.put("pdfUrl", p.pdfUrl() != null ? p.pdfUrl() : p.id().isArxiv() ? "https://arxiv.org/pdf/" + p.id().value() : null);
    m.put("upvotes", s.upvotes());
    m.put("saves", s.saves());
    m.put("submissions", s.submissions());
    m.put("bibtex", BibtexWriter.citation(p));
    m.put("codeLinks", codeLinks(p));
    m.put("hasCode", CodeLinks.hasCode(p));
    return m;
  }

  /** A paper in a list: daily, library, trending. */
  static Map<String, Object> listed(Paper p, int upvotes) {
    Map<String, Object> m = summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.firstListed()));
    m.put("upvotes", upvotes);
    if (p.firstListed() != null && p.primaryCategory() != null) {
      m.put("categoryUrl", "/daily?date=" + p.firstListed() + "&category=" + Urls.encode(p.primaryCategory()));
    }
    teaser(m, p.abstractText());
    m.put("codeUrl", CodeLinks.codeUrl(p).orElse(null));
    return m;
  }

  /** Characters of the abstract a list shows at once, and at most after expanding: a day's page stays under 100 KB. */
  static final int TEASER = 220;
  static final int TEASER_MORE = 400;

  /**
   * The start of the abstract ({@code teaser}, cut at a word) and what expanding shows
   * ({@code teaserMore}, cut again, with {@code teaserCut} when the paper page has more still).
   */
  static void teaser(Map<String, Object> m, String abstractText) {
    if (abstractText == null || abstractText.isBlank()) {
      return;
    }
    String text = MathText.plain(abstractText).strip();
    int head = cut(text, TEASER);
    m.put("teaser", text.substring(0, head));
    if (head < text.length()) {
      int more = cut(text, TEASER_MORE);
      m.put("teaserMore", text.substring(head, more).strip());
      m.put("teaserCut", more < text.length());
    }
  }

  /** Where to cut {@code text} to at most {@code max} characters: at the last space before, if there is one. */
  private static int cut(String text, int max) {
    if (text.length() <= max) {
      return text.length();
    }
    int space = text.lastIndexOf(' ', max);
    return space > max / 2 ? space : max;
  }

  /** A paper's code and project links, repositories first: the paper page's buttons. */
  static List<Map<String, Object>> codeLinks(Paper p) {
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (CodeLinks.Link l : CodeLinks.of(p)) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("url", l.url());
      v.put("kind", l.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      v.put("label", l.kind().label);
      v.put("host", l.host());
      out.add(v);
    }
    return out;
  }

  public static Map<String, Object> hit(SearchHit h) {
    IndexedPaper p = h.paper();
    Map<String, Object> m = summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.date()));
    m.put("rank", h.rank());
    m.put("score", Float.isInfinite(h.score()) ? null : h.score());
    m.put("pinned", h.pinned());
    m.put("snippet", h.snippet());
    m.put("codeUrl", p.codeUrl());
    return m;
  }

  /** A paper as the index has it, in a list (an author's papers). */
  static Map<String, Object> indexed(IndexedPaper p) {
    return summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.date()));
  }

  public static Map<String, Object> related(RelatedPaper r) {
    IndexedPaper p = r.paper();
    Map<String, Object> m = summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.date()));
    m.put("rank", r.rank());
    m.put("score", r.score());
    m.put("sharedTerms", r.sharedTerms());
    m.put("similarity", r.similarity());
    m.put("reason", r.reason());
    return m;
  }

  static Map<String, Object> recommended(org.paperlens.recommend.Recommendation r) {
    IndexedPaper p = r.paper();
    Map<String, Object> m = summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.date()));
    m.put("rank", r.rank());
    m.put("score", Math.round(r.score() * 1000) / 1000.0);
    m.put("reason", r.explanation().reason());
    m.put("terms", r.explanation().terms());
    List<String> because = new java.util.ArrayList<>();
    r.explanation().likedPapers().forEach(l -> because.add(l.id().value()));
    m.put("becauseOf", because);
    return m;
  }

  static Map<String, Object> trending(Trending.Entry e, Paper p) {
    Map<String, Object> m = p == null ? summary(e.id().value(), null, List.of(), null, null)
        : summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.firstListed()));
    m.put("rank", e.rank());
    m.put("score", Math.round(e.score() * 1000) / 1000.0);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("upvotes", e.upvotes());
    c.put("saves", e.saves());
    c.put("submissions", e.submissions());
    m.put("components", c);
    return m;
  }

  private static Map<String, Object> summary(String id, String title, List<String> authors, String category, String date) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("title", title == null ? id : MathText.plain(title));
    // For pages: the title as safe HTML, its math marked up for KaTeX (the API's title is the plain form).
    m.put("titleHtml", title == null ? org.paperlens.html.Html.escape(id) : MathText.html(title));
    m.put("authors", authors);
    m.put("authorLine", authorLine(authors));
    m.put("authorLinks", authorLinks(authors));
    m.put("primaryCategory", category);
    m.put("date", date);
    m.put("url", "/papers/" + id);
    return m;
  }

  static String authorLine(List<String> authors) {
    if (authors.size() <= 5) {
      return String.join(", ", authors);
    }
    return String.join(", ", authors.subList(0, 4)) + " … " + authors.getLast() + " (" + authors.size() + " authors)";
  }

  /**
   * The authors of a list entry as links to their pages, each with the text after it: all of up
   * to five, else the first four, an ellipsis, the last and the count (as {@link #authorLine}).
   */
  static List<Map<String, Object>> authorLinks(List<String> authors) {
    if (authors.size() <= 5) {
      return authorLinks(authors, "");
    }
    List<Map<String, Object>> out = new java.util.ArrayList<>(authorLinks(authors.subList(0, 4), " … "));
    out.add(authorLink(authors.getLast(), " (" + authors.size() + " authors)"));
    return out;
  }

  /** Every author as a link, the last followed by {@code end}. */
  static List<Map<String, Object>> authorLinks(List<String> authors, String end) {
    List<Map<String, Object>> out = new java.util.ArrayList<>(authors.size());
    for (int i = 0; i < authors.size(); i++) {
      out.add(authorLink(authors.get(i), i == authors.size() - 1 ? end : ", "));
    }
    return out;
  }

  private static Map<String, Object> authorLink(String name, String after) {
    return Map.of("name", name, "href", authorPath(name), "after", after);
  }

  /** An author's page. */
  static String authorPath(String name) {
    return "/authors/" + Urls.pathSegment(name);
  }

  static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
