package org.paperlens.web.page;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.paperlens.account.Account;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Trending;
import org.paperlens.library.LibraryStore;
import org.paperlens.live.PipelineStatus;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.ListingFilter;
import org.paperlens.paper.PaperId;
import org.paperlens.related.RelatedPaper;
import org.paperlens.search.SearchMode;
import org.paperlens.search.SearchRequest;
import org.paperlens.search.SortOrder;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.http.Urls;

/** The pages for reading: daily listings, trending, search and the paper page. HTTP only; data from {@link Listings}. */
public final class ReadingPages implements Feature {

  public static final int SEARCH_PAGE = 20;
  static final int TRENDING_LIMIT = 30;
  /** A few papers have thousands of authors; the paper page names this many (the API has all). */
  static final int SHOWN_AUTHORS = 100;

  private final CatalogueStore catalogue;
  private final CommunityStore community;
  private final org.paperlens.moderation.Moderation moderation;
  private final LibraryStore library;
  private final Trending trending;
  private final SearchMode defaultMode;
  private final Clock clock;
  private final Supplier<PipelineStatus> status;
  private final Listings listings;
  private final PaperCitations citations;
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

  public ReadingPages(CatalogueStore catalogue, CommunityStore community, org.paperlens.moderation.Moderation moderation,
      LibraryStore library, Trending trending, SearchMode defaultMode, Clock clock, Supplier<PipelineStatus> status, Listings listings,
      PaperCitations citations, Templates templates) {
    this.moderation = moderation;
    this.catalogue = catalogue;
    this.community = community;
    this.library = library;
    this.trending = trending;
    this.defaultMode = defaultMode;
    this.clock = clock;
    this.status = status;
    this.listings = listings;
    this.citations = citations;
    this.templates = templates;
    this.dailyPages = new Memo<>(500, null, clock);
    this.paperPages = new Memo<>(5_000, null, clock);
    this.searchPages = new Memo<>(2_000, null, clock);
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
    // The home page (the newest day's first page) opens with trending, or new and notable on a site with few voters.
    TrendingList front = ctx.queryParam("date") == null && d.page() == 1 && view == Listings.View.DAY
        ? listings.trending(Trending.Window.WEEK, TRENDING_LIMIT) : null;
    if (me == null && !d.papers().isEmpty()) {
      dailyPages.get(new SharedPage.Sources(d, front, null),
          k -> templates.renderShared("daily", DailyView.of(d, visitorList(d), false, front), DailyView.follow(filter))).send(ctx);
      return;
    }
    // Everyone who is not logged in shares the cached list; a member's shows their votes and carries their CSRF token.
    boolean emptyCatalogue = d.papers().isEmpty() && status.get().coverage().papers() == 0 && catalogue.latestListing().isEmpty();
    ctx.html(templates.render("daily", ctx, DailyView.of(d, me == null ? visitorList(d) : memberList(ctx, me, d), emptyCatalogue, front),
        DailyView.follow(filter)));
  }

  /** The list of a daily page ({@code items.mustache}); {@code member} shows upvote buttons, which carry the CSRF token and where to come back. */
  record Items(List<Item> papers, boolean member, String csrf, String back) {}

  /** A paper in the list, and whether the member looking at it upvoted it. */
  record Item(Views.Listed paper, boolean voted) {}

  /** The list as visitors see it: rendered once per shared page, so a cached page costs no template work. */
  private String visitorList(Listings.Daily d) {
    return templates.fragment("items", new Items(d.papers().stream().map(p -> new Item(p, false)).toList(), false, null, null));
  }

  /** A page of the listing with upvote buttons for {@code me}: one query for which of its papers they upvoted. */
  private String memberList(Context ctx, Account me, Listings.Daily d) {
    java.util.Set<PaperId> voted = community.upvotedAmong(me, d.papers().stream().map(p -> new PaperId(p.id())).toList());
    List<Item> papers = d.papers().stream().map(p -> new Item(p, voted.contains(new PaperId(p.id())))).toList();
    return templates.fragment("items", new Items(papers, true, Auth.csrfToken(ctx),
        ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())));
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

  /**
   * The trending page ({@code trending.mustache}), or new and notable while too few members vote.
   *
   * @param notable the new-and-notable list's label, formula and why it is shown; null for trending
   */
  record TrendingView(String title, Choice window, List<Views.TrendingPaper> papers, boolean empty, long minAccountAgeHours,
      Notable notable) {}

  /** Why the new-and-notable list stands in for trending, and how it is ranked. */
  record Notable(String why, String formula, int minVoters) {}

  public void trending(Context ctx) {
    String w = Params.text(ctx, "window");
    Trending.Window window = w == null ? Trending.Window.WEEK : Trending.Window.parse(w);
    TrendingList list = listings.trending(window, TRENDING_LIMIT);
    String title = list.notable() ? list.label() + " this " + window.label() : list.label();
    ctx.html(templates.render("trending", ctx, new TrendingView(title, new Choice(window.label()), list.papers(),
        list.papers().isEmpty(), trending.minAccountAge().toHours(),
        list.notable() ? new Notable(list.why(), list.formula(), list.minVoters()) : null),
        FollowLinks.ofFeeds((list.notable() ? list.label() : "Trending papers") + " (" + window.label() + ")",
            "/trending/feed?window=" + window.label())));
  }

  public void search(Context ctx) {
    SearchRequest request = Params.search(ctx, listings::mode, SEARCH_PAGE);
    if (request != null && Auth.account(ctx).isEmpty()) {
      Listings.Search result = listings.search(request);
      String coverage = Listings.coverageNotice(status.get(), request.mode());
      // The form echoes the parameters as typed, so the page is kept per query string, not per request.
      searchPages.get(new SharedPage.Sources(result, null, ctx.queryString() + "\n" + coverage),
          k -> templates.renderShared("search", SearchView.of(ctx, defaultMode, request, result, coverage), SearchView.follow(request)))
          .send(ctx);
      return;
    }
    Listings.Search result = request == null ? null : listings.search(request);
    ctx.html(templates.render("search", ctx, SearchView.of(ctx, defaultMode, request, result,
        request == null ? null : Listings.coverageNotice(status.get(), request.mode())), SearchView.follow(request)));
  }

  /** The canonical parameters of a search, in a fixed order: its permalink. */
  public static Map<String, Object> searchParams(SearchRequest r) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("q", r.query());
    q.put("mode", r.mode().label());
    q.put("match", r.match() == org.paperlens.index.Match.ALL ? null : r.match().label());
    q.put("from", r.filters().from() == null ? null : r.filters().from().toString());
    q.put("to", r.filters().to() == null ? null : r.filters().to().toString());
    q.put("category", r.filters().categories().isEmpty() ? null : String.join(",", r.filters().categories().stream().sorted().toList()));
    q.put("author", r.filters().author());
    q.put("code", r.filters().withCode() ? "1" : null);
    q.put("sort", r.sort() == SortOrder.RELEVANCE ? null : r.sort().label());
    if (r.limit() != SEARCH_PAGE) {
      q.put("limit", r.limit());
    }
    return q;
  }

  public void paper(Context ctx) {
    Listings.PaperPage page = listings.paperPage(Params.paperId(ctx.pathParam("id")));
    PaperId id = page.paper().id();
    List<RelatedPaper> related = listings.related(id, 10);
    PaperCitations.Panel cited = citations.panel(id);
    Account me = Auth.account(ctx).orElse(null);
    String notice = switch (String.valueOf(ctx.queryParam("done"))) {
      case "submitted" -> "Thanks: the paper is submitted.";
      case "already" -> "You had already submitted this paper.";
      case "reported" -> "Thanks: the moderators will look at the comment you reported.";
      case "reported-already" -> "You had already reported this comment.";
      default -> null;
    };
    if (me == null && notice == null) {
      paperPages.get(new SharedPage.Sources(page, related, cited, null),
          k -> templates.renderShared("paper", PaperView.of(page, related, cited, null, null, PaperView.Mine.NONE, false),
              PaperView.follow(id.value())))
          .send(ctx);
      return;
    }
    PaperView.Mine mine = PaperView.Mine.NONE;
    boolean moderator = me != null && moderation.role(me).moderates();
    // A moderator's page has hidden comments and submissions too, marked: never cached, never shown to others.
    Listings.PaperPage shown = !moderator ? page : new Listings.PaperPage(page.paper(), page.signals(),
        community.submissionsWithHidden(id, 30), community.comments().ofWithHidden(id, Discussion.SHOWN));
    if (me != null) {
      boolean voted = community.hasUpvoted(me, id);
      mine = library.find(me, id).map(e -> new PaperView.Mine(voted, true, String.join(", ", e.tags())))
          .orElse(new PaperView.Mine(voted, false, null));
    }
    ctx.html(templates.render("paper", ctx, PaperView.of(shown, related, cited, me, notice, mine, moderator), PaperView.follow(id.value())));
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/", ctx -> ctx.redirect("/daily", io.javalin.http.HttpStatus.FOUND));
    routes.get("/daily", this::daily);
    routes.get("/trending", this::trending);
    routes.get("/search", this::search);
    // After /papers/<id>/export (ExportRoutes): <id> also matches slashes (old-style ids such as hep-th/9901001).
    routes.get("/papers/<id>", this::paper);
  }
}
