package org.paperlens.web.page;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.community.Trending;
import org.paperlens.digest.Links;
import org.paperlens.feed.FeedFormat;
import org.paperlens.feed.FeedWriter;
import org.paperlens.feed.PaperFeed;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Listed;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.search.SearchHit;
import org.paperlens.search.SearchRequest;
import org.paperlens.search.Sorting;
import org.paperlens.search.SortOrder;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.http.Urls;

/**
 * Atom (default) and RSS 2.0 ({@code ?format=rss}) feeds of the site's lists: a list's URL plus
 * {@code /feed}. A private feed of a member's library sits behind an unguessable token made on
 * the account page. HTTP only; {@link FeedWriter} writes the XML.
 *
 * <p>Every feed lists its papers newest first (first listed, else submitted), as feed readers and
 * people reading the XML expect: the list chooses which papers (today's, the trending ones, a
 * search's), the date orders them. A search feed takes the newest of the search's most relevant
 * results ({@code sort=date}) unless the URL asks for another order to choose by.
 */
public final class FeedRoutes implements Feature {

  static final int FEED_SIZE = 50;

  private final CatalogueStore catalogue;
  private final LibraryStore library;
  private final Clock clock;
  private final org.paperlens.digest.Subscriptions subscriptions;
  private final Links links;
  private final Templates templates;
  private final Listings listings;
  private final ForYou forYou;

  public FeedRoutes(CatalogueStore catalogue, LibraryStore library, Clock clock,
      org.paperlens.digest.Subscriptions subscriptions, Links links, Listings listings, ForYou forYou,
      Templates templates) {
    this.catalogue = catalogue;
    this.library = library;
    this.clock = clock;
    this.subscriptions = subscriptions;
    this.links = links;
    this.templates = templates;
    this.listings = listings;
    this.forYou = forYou;
  }

  public void daily(Context ctx) {
    LocalDate day = Params.date(ctx, "date");
    if (day == null) {
      day = catalogue.listingDay(null, false).orElse(LocalDate.now(clock));
    }
    org.paperlens.paper.ListingFilter filter = ReadingPages.listingFilter(ctx);
    List<Paper> papers = listings.listed(day, day, filter, 0, 500).stream().map(Listed::paper).toList();
    send(ctx, "Papers of " + day + (filter.withCode() ? " with code" : ""), "Every paper first listed on " + day,
        ReadingPages.dailyUrl(day, "day", filter, 1), papers, true);
  }

  public void trending(Context ctx) {
    String w = Params.text(ctx, "window");
    Trending.Window window;
    try {
      window = w == null ? Trending.Window.WEEK : Trending.Window.parse(w);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    TrendingList list = listings.trending(window, FEED_SIZE);
    List<PaperId> ids = list.papers().stream().map(p -> new PaperId(p.id())).toList();
    send(ctx, (list.notable() ? list.label() : "Trending papers") + " (" + window.label() + ")",
        list.notable() ? list.why() : "What members upvote, save and submit", "/trending?window=" + window.label(), papers(ids), true);
  }

  /** An author's papers, newest first. */
  public void author(Context ctx) {
    Listings.Author a = listings.author(AuthorPages.name(ctx));
    List<PaperId> ids = a.papers().stream().limit(FEED_SIZE).map(org.paperlens.index.IndexedPaper::id).toList();
    send(ctx, "Papers by " + a.name(), "New papers by " + a.name(), Views.authorPath(a.name()), papers(ids), true);
  }

  public void search(Context ctx) {
    SearchRequest asked = Params.search(ctx, listings::mode, FEED_SIZE);
    if (asked == null) {
      throw HttpProblem.badRequest("a search feed needs a query: /search/feed?q=...");
    }
    // What is new for the query, not its 50 most relevant papers of any age.
    SearchRequest request = Params.text(ctx, "sort") == null ? asked.withSort(SortOrder.DATE) : asked;
    List<PaperId> ids = listings.search(request).result().hits().stream().map(SearchHit::paper)
        .map(org.paperlens.index.IndexedPaper::id).toList();
    String query = ctx.queryString() == null ? "" : "?" + ctx.queryString().replaceAll("(^|&)format=[^&]*", "");
    send(ctx, "Search: " + request.query(), "Papers matching " + request.query(), "/search" + query, papers(ids), true);
  }

  /** A tag a member made public: its papers, newest first. Private tags and unknown members are both a 404. */
  public void memberTag(Context ctx) {
    String owner = ctx.pathParam("name");
    String tag = ctx.pathParam("tag");
    if (tag.isBlank() || tag.length() > LibraryStore.MAX_TAG_LENGTH || owner.length() > 100) {
      throw HttpProblem.badRequest("not a tag: '" + tag + "'");
    }
    List<PaperId> ids = library.publicTagged(owner, tag, FEED_SIZE)
        .orElseThrow(() -> HttpProblem.notFound("no public tag '" + tag + "' of a member named '" + owner + "'"));
    send(ctx, "Tagged " + tag + " by " + owner, "Papers " + owner + " saved under the tag " + tag,
        LibraryPages.tagFeedPath(owner, tag), papers(ids), true);
  }

  /** Papers in members' public collections: the most recently changed collection's first, each newest first. */
  public void collections(Context ctx) {
    java.util.Set<PaperId> ids = new java.util.LinkedHashSet<>();
    for (LibraryStore.Collection c : library.publicCollections(CollectionPages.INDEX)) {
      if (ids.size() >= FEED_SIZE) {
        break;
      }
      ids.addAll(library.publicTagged(c.owner(), c.tag(), FEED_SIZE).orElse(List.of()));
    }
    send(ctx, "Public collections", "Papers members gathered in the collections they made public", "/collections",
        papers(ids.stream().limit(FEED_SIZE).toList()), true);
  }

  /**
   * The member's recommendations, as {@code /recommended} shows them (same {@code tag} and
   * {@code days}): for a feed reader in their browser (session cookie) or one sending an API token.
   */
  public void recommended(Context ctx) {
    Account me = Auth.required(ctx);
    String tag = Params.text(ctx, "tag");
    int days = Params.integer(ctx, "days", 30, 1, 3650);
    send(ctx, "Recommended for you" + (tag == null ? "" : ": " + tag), "Papers of the last " + days + " days like those in your library",
        Urls.of("/recommended", LibraryPages.recommendedParams(tag, days)), papers(forYou.papers(me, tag, days, FEED_SIZE)), false);
  }

  /** The old feed across every member's tag of one name, which showed private libraries: gone, with a pointer. */
  public void retiredTagFeed(Context ctx) {
    throw HttpProblem.notFound("tag feeds belong to a member now, for tags they made public: /users/NAME/tags/TAG/feed");
  }

  /** A member's library (or one tag of it, {@code ?tag=}), for a feed reader that cannot log in. */
  public void personal(Context ctx) {
    String owner = subscriptions.feedOwner(ctx.pathParam("token"))
        .orElseThrow(() -> HttpProblem.notFound("no feed at this address (the link was reset or mistyped)"));
    String tag = Params.text(ctx, "tag");
    List<PaperId> ids = library.list(new Account(Long.parseLong(owner), ""), tag).stream()
        .map(LibraryStore.Entry::paperId).limit(FEED_SIZE).toList();
    send(ctx, tag == null ? "Your library" : "Your library: " + tag, "Papers saved in your paperlens library",
        "/library" + (tag == null ? "" : "?tag=" + Urls.encode(tag)), papers(ids), false);
  }

  /** Makes (or remakes: the old link stops working) the member's private feed link and shows it once. */
  public void newPrivateFeed(Context ctx, Templates templates) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    String url = links.privateFeed(subscriptions.newFeedToken(Long.toString(me.id())));
    ctx.html(templates.render("notice", ctx, new NoticeView("Your private feed",
        "Add this address to your feed reader (shown only now; making a new one stops this one): " + url
            + " . The new papers citing your library are at the same address plus /citing (and ?tag=TAG for one tag).",
        null, null, url)));
  }

  private List<Paper> papers(List<PaperId> ids) {
    List<Paper> out = new ArrayList<>();
    for (PaperId id : ids) {
      Optional<Paper> p = catalogue.find(id);
      p.ifPresent(out::add);
    }
    return out;
  }

  /** Sends {@code papers} newest first; ties keep the list's order. */
  private void send(Context ctx, String title, String description, String page, List<Paper> papers, boolean shared) {
    List<Paper> newest = Sorting.NONE.sort(SortOrder.DATE, papers, Paper::id, SortedPapers::date);
    send(ctx, links, title, description, page, newest, java.util.Map.of(), shared);
  }

  /**
   * Answers with the feed in the asked format ({@code ?format=}); {@code shared}: caches may keep
   * it for everyone (else only the reader's own, for a member's feed).
   */
  static void send(Context ctx, Links links, String title, String description, String page, List<Paper> papers,
      java.util.Map<PaperId, PaperFeed.Note> notes, boolean shared) {
    FeedFormat format;
    try {
      format = FeedFormat.parse(Params.text(ctx, "format"));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    String base = links.baseUrl();
    String self = base + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    PaperFeed feed = new PaperFeed(title + " · paperlens", description, self, base + page, base + "/papers/", papers, notes);
    ctx.header("Cache-Control", shared ? "public, max-age=600" : "private, max-age=600");
    ctx.contentType(format.contentType()).result(FeedWriter.write(feed, format));
  }

  @Override
  public void register(Routes routes) {
    routes.get("/daily/feed", this::daily);
    routes.get("/trending/feed", this::trending);
    routes.get("/recommended/feed", this::recommended);
    routes.get("/collections/feed", this::collections);
    routes.get("/search/feed", this::search);
    // Before the collection page (CollectionPages): <tag> takes slashes, so "TAG/feed" would be read as a tag.
    routes.get("/users/{name}/tags/<tag>/feed", this::memberTag);
    routes.get("/authors/{name}/feed", this::author);
    routes.get("/tags/<tag>/feed", this::retiredTagFeed);
    routes.get("/feeds/<token>", this::personal);
    routes.post("/account/feed", ctx -> newPrivateFeed(ctx, templates));
  }
}
