package org.paperlens.web.page;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.community.Trending;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.ListingFilter;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.related.RelatedPaper;
import org.paperlens.search.SearchHit;
import org.paperlens.search.SearchRequest;
import org.paperlens.web.WebServices;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Urls;

/** The pages for reading: daily listings, trending, search and the paper page. HTTP only; data from {@link Listings}. */
public final class ReadingPages {

  public static final int SEARCH_PAGE = 20;
  static final int TRENDING_LIMIT = 30;
  /** A few papers have thousands of authors; the paper page names this many (the API has all). */
  static final int SHOWN_AUTHORS = 100;

  private final WebServices s;
  private final Listings listings;
  private final Templates templates;
  /**
   * Pages as visitors who are not logged in see them, each kept while the cached values it was
   * rendered from ({@link Listings}' daily listing, paper page, related papers, search result)
   * are the ones those caches hold: a new value is a new object, so a new key. Old pages leave
   * as the least recently used. One cache per page kind, sized by memory: a daily page is about
   * 80 KB and keeps its listing (another 250 KB) alive, a paper or search page 20 to 40 KB.
   */
  private final Memo<SharedPage.Sources, SharedPage> dailyPages;
  private final Memo<SharedPage.Sources, SharedPage> paperPages;
  private final Memo<SharedPage.Sources, SharedPage> searchPages;

  public ReadingPages(WebServices s, Listings listings, Templates templates) {
    this.s = s;
    this.listings = listings;
    this.templates = templates;
    this.dailyPages = new Memo<>(500, null, s.clock());
    this.paperPages = new Memo<>(5_000, null, s.clock());
    this.searchPages = new Memo<>(2_000, null, s.clock());
  }

  public static Listings.View view(Context ctx) {
    String v = Params.text(ctx, "view");
    if (v == null) {
      return Listings.View.DAY;
    }
    return switch (v) {
      case "day" -> Listings.View.DAY;
      case "week" -> Listings.View.WEEK;
      case "month" -> Listings.View.MONTH;
      default -> throw HttpProblem.badRequest("parameter 'view' must be day, week or month, was '" + v + "'");
    };
  }

  public void daily(Context ctx) {
    Listings.View view = view(ctx);
    ListingFilter filter = listingFilter(ctx);
    Listings.Daily d = listings.daily(Params.date(ctx, "date"), view, filter, Params.integer(ctx, "page", 1, 1, 10_000), Listings.DAILY_PAGE);
    Account me = Auth.account(ctx).orElse(null);
    if (me == null && !d.papers().isEmpty()) {
      dailyPages.get(new SharedPage.Sources(d, null, null), k -> templates.renderShared("daily", dailyModel(d, visitorList(d)))).send(ctx);
      return;
    }
    // Everyone who is not logged in shares the cached list; a member's shows their votes and carries their CSRF token.
    Map<String, Object> m = dailyModel(d, me == null ? visitorList(d) : memberList(ctx, me, d));
    m.put("emptyCatalogue", d.papers().isEmpty() && s.status().get().coverage().papers() == 0
        && s.catalogue().latestListing().isEmpty());
    ctx.html(templates.render("daily", ctx, m));
  }

  /** The list as visitors see it: rendered once per shared page, so a cached page costs no template work. */
  private String visitorList(Listings.Daily d) {
    return templates.fragment("items", Map.of("papers", numbered(d.papers(), (d.page() - 1) * d.pageSize())));
  }

  /** The daily page's model for listing {@code d}, its list already rendered as {@code papersHtml}. */
  private static Map<String, Object> dailyModel(Listings.Daily d, String papersHtml) {
    Listings.View view = d.view();
    ListingFilter filter = d.filter();
    String v = view.name().toLowerCase(Locale.ROOT);
    Map<String, Object> m = new HashMap<>();
    m.put("title", switch (view) {
      case DAY -> "Papers of " + d.date();
      case WEEK -> "Papers of the week " + d.from() + " to " + d.to();
      case MONTH -> "Papers of " + d.from().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + d.from().getYear();
    });
    m.put("date", d.date().toString());
    m.put("view_" + v, Boolean.TRUE);
    m.put("total", d.total());
    m.put("from", d.from().toString());
    m.put("to", d.to().toString());
    m.put("dayUrl", dailyUrl(d.date(), "day", filter, 1));
    m.put("weekUrl", dailyUrl(d.date(), "week", filter, 1));
    m.put("monthUrl", dailyUrl(d.date(), "month", filter, 1));
    if (d.previous() != null) {
      m.put("previousUrl", dailyUrl(d.previous(), v, filter, 1));
    }
    if (d.next() != null) {
      m.put("nextUrl", dailyUrl(d.next(), v, filter, 1));
    }
    m.put("withCode", filter.withCode());
    m.put("filtered", !filter.equals(ListingFilter.NONE));
    m.put("dayUrlAll", dailyUrl(d.date(), v, ListingFilter.NONE, 1));
    List<Map<String, Object>> categories = new ArrayList<>();
    d.perCategory().forEach((c, n) -> categories.add(Map.of("category", c, "count", n, "selected", filter.categories().contains(c))));
    m.put("categories", categories);
    m.put("allCategories", filter.categories().isEmpty());
    List<Map<String, Object>> days = new ArrayList<>();
    if (view != Listings.View.DAY) {
      d.perDay().forEach((day, n) -> days.add(Map.of("day", day.toString(), "count", n,
          "url", dailyUrl(day, "day", filter, 1))));
    }
    m.put("days", days);
    m.put("hasDays", !days.isEmpty());
    m.put("papersHtml", papersHtml);
    m.put("empty", d.papers().isEmpty());
    pager(m, d.page(), d.more(), p -> dailyUrl(d.date(), v, filter, p));
    FollowLinks.put(m, FollowLinks.feeds("Daily papers" + (filter.withCode() ? " with code" : ""),
        Urls.of("/daily/feed", filterParams(filter))), List.of());
    return m;
  }

  /** A page of the listing with upvote buttons for {@code me}: one query for which of its papers they upvoted. */
  private String memberList(Context ctx, Account me, Listings.Daily d) {
    java.util.Set<PaperId> voted = s.community().upvotedAmong(me,
        d.papers().stream().map(p -> new PaperId((String) p.get("id"))).toList());
    List<Map<String, Object>> papers = numbered(d.papers(), (d.page() - 1) * d.pageSize());
    papers.forEach(p -> p.put("voted", voted.contains(new PaperId((String) p.get("id")))));
    Map<String, Object> model = new HashMap<>();
    model.put("papers", papers);
    model.put("member", Boolean.TRUE);
    model.put("csrf", Auth.csrfToken(ctx));
    model.put("back", ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
    return templates.fragment("items", model);
  }

  /** The daily listing's filter from the query, a bad one a 400. */
  public static ListingFilter listingFilter(Context ctx) {
    try {
      return Params.listing(ctx);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
  }

  /** The query parameters of a listing filter, in a fixed order (absent ones left out). */
  static Map<String, Object> filterParams(ListingFilter filter) {
    return ordered("category", filter.categories().isEmpty() ? null : String.join(",", filter.categories().stream().sorted().toList()),
        "code", filter.withCode() ? "1" : null);
  }

  static String dailyUrl(java.time.LocalDate date, String view, ListingFilter filter, int page) {
    Map<String, Object> q = ordered("date", date, "view", view);
    q.putAll(filterParams(filter));
    q.put("page", page == 1 ? null : page);
    return Urls.of("/daily", q);
  }

  public void trending(Context ctx) {
    String w = Params.text(ctx, "window");
    Trending.Window window = w == null ? Trending.Window.WEEK : Trending.Window.parse(w);
    Map<String, Object> m = new HashMap<>();
    m.put("title", "Trending this " + window.label());
    m.put("window_" + window.label(), Boolean.TRUE);
    List<Map<String, Object>> papers = listings.trending(window, TRENDING_LIMIT);
    m.put("papers", papers);
    m.put("empty", papers.isEmpty());
    m.put("minAccountAgeHours", s.trending().minAccountAge().toHours());
    FollowLinks.put(m, FollowLinks.feeds("Trending papers (" + window.label() + ")", "/trending/feed?window=" + window.label()), List.of());
    ctx.html(templates.render("trending", ctx, m));
  }

  public void search(Context ctx) {
    SearchRequest request = Params.search(ctx, listings::mode, SEARCH_PAGE);
    if (request != null && Auth.account(ctx).isEmpty()) {
      Listings.Search result = listings.search(request);
      String coverage = Listings.coverageNotice(s.status().get(), request.mode());
      // The form echoes the parameters as typed, so the page is kept per query string, not per request.
      searchPages.get(new SharedPage.Sources(result, null, ctx.queryString() + "\n" + coverage),
          k -> templates.renderShared("search", searchModel(ctx, request, result, coverage))).send(ctx);
      return;
    }
    Listings.Search result = request == null ? null : listings.search(request);
    ctx.html(templates.render("search", ctx, searchModel(ctx, request, result,
        request == null ? null : Listings.coverageNotice(s.status().get(), request.mode()))));
  }

  /** The search page's model: the form as filled in, and the result of {@code request} (null: no search yet). */
  private Map<String, Object> searchModel(Context ctx, SearchRequest request, Listings.Search result, String coverage) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", request == null ? "Search" : "Search: " + request.query());
    String mode = request == null ? s.defaultMode().label() : request.mode().label();
    m.put("mode_" + mode, Boolean.TRUE);
    m.put("q", Params.text(ctx, "q"));
    m.put("from", Params.text(ctx, "from"));
    m.put("to", Params.text(ctx, "to"));
    m.put("category", String.join(",", Params.list(ctx, "category")));
    m.put("author", Params.text(ctx, "author"));
    m.put("code", request != null && request.filters().withCode());
    if (request != null) {
      List<Map<String, Object>> hits = new ArrayList<>();
      for (SearchHit h : result.result().hits()) {
        hits.add(Views.hit(h));
      }
      m.put("hits", hits);
      m.put("searched", Boolean.TRUE);
      m.put("empty", hits.isEmpty());
      m.put("notice", result.notice());
      m.put("coverage", coverage);
      m.put("millis", String.format(Locale.ROOT, "%.0f", result.result().millis()));
      m.put("total", String.format(Locale.ROOT, "%,d", result.result().total()));
      m.put("totalByMeaning", request.mode() instanceof org.paperlens.search.SearchMode.Semantic);
      Map<String, Object> base = searchParams(request);
      m.put("permalink", Urls.of("/search", base));
      FollowLinks.put(m, FollowLinks.feeds("Search: " + request.query(), Urls.of("/search/feed", base)),
          FollowLinks.exports(Urls.of("/search/export", base)));
      int page = request.offset() / request.limit() + 1;
      pager(m, page, result.result().more() && request.offset() + request.limit() <= SearchRequest.MAX_OFFSET, p -> {
        Map<String, Object> q = new LinkedHashMap<>(base);
        q.put("page", p);
        return Urls.of("/search", q);
      });
    }
    return m;
  }

  /** The canonical parameters of a search, in a fixed order: its permalink. */
  public static Map<String, Object> searchParams(SearchRequest r) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("q", r.query());
    q.put("mode", r.mode().label());
    q.put("from", r.filters().from() == null ? null : r.filters().from().toString());
    q.put("to", r.filters().to() == null ? null : r.filters().to().toString());
    q.put("category", r.filters().categories().isEmpty() ? null : String.join(",", r.filters().categories().stream().sorted().toList()));
    q.put("author", r.filters().author());
    q.put("code", r.filters().withCode() ? "1" : null);
    if (r.limit() != SEARCH_PAGE) {
      q.put("limit", r.limit());
    }
    return q;
  }

  public void paper(Context ctx) {
    Listings.PaperPage page = listings.paperPage(Params.paperId(ctx.pathParam("id")));
    PaperId id = page.paper().id();
    List<RelatedPaper> related = listings.related(id, 10);
    Account me = Auth.account(ctx).orElse(null);
    String notice = switch (String.valueOf(ctx.queryParam("done"))) {
      case "submitted" -> "Thanks: the paper is submitted.";
      case "already" -> "You had already submitted this paper.";
      default -> null;
    };
    if (me == null && notice == null) {
      paperPages.get(new SharedPage.Sources(page, related, null), k -> templates.renderShared("paper", paperModel(page, related, null))).send(ctx);
      return;
    }
    Map<String, Object> m = paperModel(page, related, me);
    m.put("notice", notice);
    if (me != null) {
      m.put("voted", s.community().hasUpvoted(me, id));
      s.library().find(me, id).ifPresent(e -> {
        m.put("saved", Boolean.TRUE);
        m.put("tags", String.join(", ", e.tags()));
      });
    }
    ctx.html(templates.render("paper", ctx, m));
  }

  /** The paper page's model as {@code me} (null: a visitor) sees it, without what only a member's own state adds. */
  private static Map<String, Object> paperModel(Listings.PaperPage page, List<RelatedPaper> relatedPapers, Account me) {
    Paper p = page.paper();
    PaperId id = p.id();
    Map<String, Object> m = new HashMap<>(Views.paper(p, page.signals()));
    m.put("title", MathText.plain(p.title() == null ? id.value() : p.title()));
    m.put("abstractHtml", MathText.html(p.abstractText()));
    // A few papers have thousands of authors; the page names the first hundred (the API has all).
    m.put("authorLinks", p.authors().size() <= SHOWN_AUTHORS ? Views.authorLinks(p.authors(), "")
        : Views.authorLinks(p.authors().subList(0, SHOWN_AUTHORS), " … and " + (p.authors().size() - SHOWN_AUTHORS) + " more"));
    m.put("authorLine", p.authors().size() <= SHOWN_AUTHORS ? String.join(", ", p.authors())
        : String.join(", ", p.authors().subList(0, SHOWN_AUTHORS)) + " … and " + (p.authors().size() - SHOWN_AUTHORS) + " more");
    List<Map<String, Object>> related = new ArrayList<>();
    relatedPapers.forEach(r -> related.add(Views.related(r)));
    m.put("related", related);
    m.put("noRelated", related.isEmpty());
    List<Map<String, Object>> comments = new ArrayList<>();
    page.submissions().forEach(sub -> comments.add(Map.of("submitter", sub.submitter(),
        "comment", sub.comment() == null ? "" : sub.comment(), "at", sub.at().toString().substring(0, 10))));
    m.put("comments", comments);
    List<Map<String, Object>> discussion = Discussion.views(page.comments(), me);
    m.put("discussion", discussion);
    m.put("discussionCount", discussion.size());
    m.put("maxComment", org.paperlens.community.CommentStore.MAX_LENGTH);
    m.put("maxTags", LibraryStore.MAX_TAGS);
    FollowLinks.put(m, List.of(), FollowLinks.exports("/papers/" + id.value() + "/export"));
    return m;
  }

  static List<Map<String, Object>> numbered(List<Map<String, Object>> papers, int offset) {
    List<Map<String, Object>> out = new ArrayList<>(papers.size());
    for (int i = 0; i < papers.size(); i++) {
      Map<String, Object> m = new HashMap<>(papers.get(i));
      m.put("n", offset + i + 1);
      out.add(m);
    }
    return out;
  }

  static void pager(Map<String, Object> m, int page, boolean more, java.util.function.IntFunction<String> url) {
    m.put("page", page);
    if (page > 1) {
      m.put("prevPageUrl", url.apply(page - 1));
    }
    if (more) {
      m.put("nextPageUrl", url.apply(page + 1));
    }
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
