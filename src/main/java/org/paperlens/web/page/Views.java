package org.paperlens.web.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.community.Signals;
import org.paperlens.community.Trending;
import org.paperlens.export.BibtexWriter;
import org.paperlens.html.Html;
import org.paperlens.index.IndexedPaper;
import org.paperlens.paper.CodeLinks;
import org.paperlens.paper.Paper;
import org.paperlens.related.RelatedPaper;
import org.paperlens.search.SearchHit;
import org.paperlens.web.http.Urls;

/**
 * Papers in lists (daily, search hits, related, recommended, trending, an author's, a collection's)
 * as records the API serialises as JSON and the page templates show, so both always carry the same
 * fields: component names are the JSON field names and the templates' keys. The paper itself
 * ({@link #paper}) is still a map, which the API extends.
 */
public final class Views {

  private Views() {}

  /** Everything known about a paper, for the paper page and GET /api/v1/papers/{id}. */
  public static Map<String, Object> paper(Paper p, Signals s) {
    Summary sum = summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.firstListed()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", sum.id());
    m.put("title", sum.title());
    m.put("titleHtml", sum.titleHtml());
    m.put("authors", sum.authors());
    m.put("authorLine", sum.authorLine());
    m.put("authorLinks", sum.authorLinks());
    m.put("primaryCategory", sum.primaryCategory());
    m.put("date", sum.date());
    m.put("url", sum.url());
    m.put("abstract", p.abstractText());
    m.put("categories", p.categories());
    m.put("version", p.version());
    m.put("submitted", date(p.submitted()));
    m.put("updated", date(p.updated()));
    m.put("firstListed", date(p.firstListed()));
    m.put("comment", p.comment());
    m.put("journalRef", p.journalRef());
    m.put("doi", p.doi());
    m.put("absUrl", absUrl(p));
    m.put("pdfUrl", pdfUrl(p));
    m.put("upvotes", s.upvotes());
    m.put("saves", s.saves());
    m.put("submissions", s.submissions());
    m.put("bibtex", BibtexWriter.citation(p));
    m.put("codeLinks", codeLinks(p));
    m.put("hasCode", CodeLinks.hasCode(p));
    return m;
  }

  /** The paper's page at its source: the one it names, else arXiv's for an arXiv id, else null. */
  static String absUrl(Paper p) {
    return p.sourcePage();
  }

  /** The paper's PDF: the one its source names, else arXiv's for an arXiv id, else null. */
  static String pdfUrl(Paper p) {
    return p.sourcePdf();
  }

  /** A link to an author's page, with the text after the name in a list of authors. */
  public record AuthorLink(String name, String href, String after) {}

  /**
   * A paper in a list: daily, library, a collection. The start of the abstract ({@code teaser}, cut
   * at a word) and what expanding shows ({@code teaserMore}, cut again, with {@code teaserCut} when
   * the paper page has more still); absent from the JSON when the paper has no abstract (or no more).
   */
  public record Listed(String id, String title, String titleHtml, List<String> authors, String authorLine, List<AuthorLink> authorLinks,
      String primaryCategory, String date, String url, int upvotes, @JsonInclude(JsonInclude.Include.NON_NULL) String categoryUrl,
      @JsonInclude(JsonInclude.Include.NON_NULL) String teaser, @JsonInclude(JsonInclude.Include.NON_NULL) String teaserMore,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean teaserCut, String codeUrl, Integer citationCount) {
    /** "Cited by N" where the count is known (the template's text; not in the JSON). */
    public String citedBy() {
      return Views.citedBy(citationCount);
    }
  }

  /** A search hit; {@code score} is null for a pinned hit (an exact id or title), {@code snippet} is safe HTML. */
  public record Hit(String id, String title, String titleHtml, List<String> authors, String authorLine, List<AuthorLink> authorLinks,
      String primaryCategory, String date, String url, int rank, Float score, boolean pinned, String snippet, String codeUrl,
      Integer citationCount, int votes) {
    public String citedBy() {
      return Views.citedBy(citationCount);
    }
  }

  /** A paper as the index has it, in a list (an author's papers). */
  public record Indexed(String id, String title, String titleHtml, List<String> authors, String authorLine, List<AuthorLink> authorLinks,
      String primaryCategory, String date, String url, Integer citationCount) {
    public String citedBy() {
      return Views.citedBy(citationCount);
    }
  }

  /**
   * How a list shows a paper's citation count ({@code citationCount} in the JSON: null when no
   * source has counted it, which is not the same as 0): "Cited by 1,234", or null.
   */
  static String citedBy(Integer count) {
    return count == null ? null : String.format(java.util.Locale.ROOT, "Cited by %,d", count);
  }

  /** A related paper, with why it is related. */
  public record Related(String id, String title, String titleHtml, List<String> authors, String authorLine, List<AuthorLink> authorLinks,
      String primaryCategory, String date, String url, int rank, float score, List<String> sharedTerms, Double similarity, String reason,
      Citations citations) {}

  /**
   * What the citation graph says of two papers: how many papers cite both, how many references
   * they share, how many citation chains run through one paper between them; null in a related
   * or recommended paper the graph had no part in.
   *
   * @param with the other paper (a recommendation's liked paper); null for a related paper, whose other paper is the page's
   */
  public record Citations(String with, int coCitations, int sharedReferences, int citationChains, String reason) {
    static Citations of(String with, org.paperlens.citation.graph.GraphNeighbour n) {
      return new Citations(with, n.coCitations(), n.sharedReferences(), n.bridges(), n.reason());
    }
  }

  /** A recommended paper, with the reason, the words and the liked papers behind it. */
  public record Recommended(String id, String title, String titleHtml, List<String> authors, String authorLine,
      List<AuthorLink> authorLinks, String primaryCategory, String date, String url, int rank, double score, String reason,
      List<String> terms, List<String> becauseOf, List<Citations> citations) {}

  /**
   * A trending (or new-and-notable) paper, its score and the community signals in it.
   *
   * @param reasons why a new-and-notable paper is on the list ("has code"); empty on the trending list
   */
  public record TrendingPaper(String id, String title, String titleHtml, List<String> authors, String authorLine,
      List<AuthorLink> authorLinks, String primaryCategory, String date, String url, int rank, double score, Components components,
      List<String> reasons) {
    public boolean hasReasons() {
      return !reasons.isEmpty();
    }

    /** The reasons in one line, for the page. */
    public String because() {
      return String.join(" \u00b7 ", reasons);
    }
  }

  /** What a trending score is made of. */
  public record Components(int upvotes, int saves, int submissions) {}

  /** The fields every paper in a list has, before its kind's own. */
  record Summary(String id, String title, String titleHtml, List<String> authors, String authorLine, List<AuthorLink> authorLinks,
      String primaryCategory, String date, String url) {}

  /** @param citations its citation count, null when unknown */
  static Listed listed(Paper p, int upvotes, Integer citations) {
    Summary s = summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.firstListed()));
    String categoryUrl = p.firstListed() != null && p.primaryCategory() != null
        ? "/daily?date=" + p.firstListed() + "&category=" + Urls.encode(p.primaryCategory()) : null;
    String teaser = null;
    String teaserMore = null;
    Boolean teaserCut = null;
    if (p.abstractText() != null && !p.abstractText().isBlank()) {
      String text = MathText.plain(p.abstractText()).strip();
      int head = cut(text, TEASER);
      teaser = text.substring(0, head);
      if (head < text.length()) {
        int more = cut(text, TEASER_MORE);
        teaserMore = text.substring(head, more).strip();
        teaserCut = more < text.length();
      }
    }
    return new Listed(s.id(), s.title(), s.titleHtml(), s.authors(), s.authorLine(), s.authorLinks(), s.primaryCategory(), s.date(),
        s.url(), upvotes, categoryUrl, teaser, teaserMore, teaserCut, CodeLinks.codeUrl(p).orElse(null), citations);
  }

  /** Characters of the abstract a list shows at once, and at most after expanding: a day's page stays under 100 KB. */
  static final int TEASER = 220;
  static final int TEASER_MORE = 400;

  /** Where to cut {@code text} to at most {@code max} characters: at the last space before, if there is one. */
  private static int cut(String text, int max) {
    if (text.length() <= max) {
      return text.length();
    }
    int space = text.lastIndexOf(' ', max);
    return space > max / 2 ? space : max;
  }

  /** A code or project link of a paper: {@code kind} names it for tests and CSS, {@code label} for people. */
  public record CodeLink(String url, String kind, String label, String host) {}

  /** A paper's code and project links, repositories first: the paper page's buttons. */
  static List<CodeLink> codeLinks(Paper p) {
    List<CodeLink> out = new java.util.ArrayList<>();
    for (CodeLinks.Link l : CodeLinks.of(p)) {
      out.add(new CodeLink(l.url(), l.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), l.kind().label, l.host()));
    }
    return out;
  }

  /** @param citations its citation count, null when unknown */
  /** @param votes the paper's upvotes (0 when none) */
  public static Hit hit(SearchHit h, Integer citations, int votes) {
    IndexedPaper p = h.paper();
    Summary s = summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.date()));
    return new Hit(s.id(), s.title(), s.titleHtml(), s.authors(), s.authorLine(), s.authorLinks(), s.primaryCategory(), s.date(), s.url(),
        h.rank(), Float.isInfinite(h.score()) ? null : h.score(), h.pinned(), h.snippet().render(Html::escape, "<mark>", "</mark>"),
        p.codeUrl(), citations, votes);
  }

  static Indexed indexed(IndexedPaper p, Integer citations) {
    Summary s = summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.date()));
    return new Indexed(s.id(), s.title(), s.titleHtml(), s.authors(), s.authorLine(), s.authorLinks(), s.primaryCategory(), s.date(), s.url(),
        citations);
  }

  public static Related related(RelatedPaper r) {
    IndexedPaper p = r.paper();
    Summary s = summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.date()));
    return new Related(s.id(), s.title(), s.titleHtml(), s.authors(), s.authorLine(), s.authorLinks(), s.primaryCategory(), s.date(),
        s.url(), r.rank(), r.score(), r.sharedTerms(), r.similarity(), r.reason(),
        r.citations() == null ? null : Citations.of(null, r.citations()));
  }

  static Recommended recommended(org.paperlens.recommend.Recommendation r) {
    IndexedPaper p = r.paper();
    Summary s = summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.date()));
    List<String> because = new java.util.ArrayList<>();
    r.explanation().likedPapers().forEach(l -> because.add(l.id().value()));
    return new Recommended(s.id(), s.title(), s.titleHtml(), s.authors(), s.authorLine(), s.authorLinks(), s.primaryCategory(), s.date(),
        s.url(), r.rank(), Math.round(r.score() * 1000) / 1000.0, r.explanation().reason(), r.explanation().terms(), because,
        r.explanation().citations().stream().map(c -> Citations.of(c.id().value(), c.evidence())).toList());
  }

  static TrendingPaper trending(Trending.Entry e, Paper p) {
    Summary s = p == null ? summary(e.id().value(), null, List.of(), null, null)
        : summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.firstListed()));
    return new TrendingPaper(s.id(), s.title(), s.titleHtml(), s.authors(), s.authorLine(), s.authorLinks(), s.primaryCategory(),
        s.date(), s.url(), e.rank(), Math.round(e.score() * 1000) / 1000.0, new Components(e.upvotes(), e.saves(), e.submissions()),
        List.of());
  }


  static Summary summary(String id, String title, List<String> authors, String category, String date) {
    // For pages: the title as safe HTML, its math marked up for KaTeX (the API's title is the plain form).
    return new Summary(id, title == null ? id : MathText.plain(title), title == null ? org.paperlens.html.Html.escape(id) : MathText.html(title),
        authors, authorLine(authors), authorLinks(authors), category, date, "/papers/" + id);
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
  static List<AuthorLink> authorLinks(List<String> authors) {
    if (authors.size() <= 5) {
      return authorLinks(authors, "");
    }
    List<AuthorLink> out = new java.util.ArrayList<>(authorLinks(authors.subList(0, 4), " … "));
    out.add(authorLink(authors.getLast(), " (" + authors.size() + " authors)"));
    return out;
  }

  /** Every author as a link, the last followed by {@code end}. */
  static List<AuthorLink> authorLinks(List<String> authors, String end) {
    List<AuthorLink> out = new java.util.ArrayList<>(authors.size());
    for (int i = 0; i < authors.size(); i++) {
      out.add(authorLink(authors.get(i), i == authors.size() - 1 ? end : ", "));
    }
    return out;
  }

  private static AuthorLink authorLink(String name, String after) {
    return new AuthorLink(name, authorPath(name), after);
  }

  /** An author's page. */
  static String authorPath(String name) {
    return "/authors/" + Urls.pathSegment(name);
  }

  static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
