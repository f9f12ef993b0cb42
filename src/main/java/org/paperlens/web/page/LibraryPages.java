package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.community.CommunityStore;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.search.CitationCounts;
import org.paperlens.search.SortOrder;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.http.Urls;

/** The pages and forms of a member: upvote, save with tags, the library, submitting a paper. HTTP only. */
public final class LibraryPages implements Feature {

  /** Library entries per page: each carries a tag form, so fewer than a daily page. */
  static final int LIBRARY_PAGE = 40;

  private final CatalogueStore catalogue;
  private final CommunityStore community;
  private final LibraryStore library;
  private final Listings listings;
  private final Templates templates;
  private final ForYou forYou;
  private final SubmitLookup submissions;
  private final CitationCounts citations;

  public LibraryPages(CatalogueStore catalogue, CommunityStore community, LibraryStore library, Listings listings, Templates templates, ForYou forYou, SubmitLookup submissions, CitationCounts citations) {
    this.submissions = submissions;
    this.citations = citations;
    this.catalogue = catalogue;
    this.community = community;
    this.library = library;
    this.listings = listings;
    this.templates = templates;
    this.forYou = forYou;
  }

  public void recommended(Context ctx) {
    Account me = member(ctx);
    if (me == null) {
      return;
    }
    String tag = Params.text(ctx, "tag");
    int days = Params.integer(ctx, "days", 30, 1, 3650);
    ForYou.Result r = forYou.result(me, tag, days, 20);
    List<Window> windowLinks = new ArrayList<>();
    for (int d : ForYou.WINDOWS) {
      windowLinks.add(new Window(d, Urls.of("/recommended", new java.util.LinkedHashMap<>(Map.of("days", d)))
          + (tag == null ? "" : "&tag=" + Urls.encode(tag)), d == days));
    }
    List<TagLink> tags = new ArrayList<>();
    library.tags(me).forEach((t, n) -> tags.add(new TagLink(t, n, Urls.of("/recommended", recommendedParams(t, days)),
        t.equals(tag), false)));
    RecommendedView v = new RecommendedView("Recommended for you", r.tag(), r.days(), r.liked(), r.from(), r.to(), r.emptyReason(),
        r.papers(), windowLinks, tags, Urls.of("/recommended", Map.of("days", days)));
    ctx.html(templates.render("recommended", ctx, v, FollowLinks.ofFeeds("Recommended for you" + (tag == null ? "" : ": " + tag),
        Urls.of("/recommended/feed", recommendedParams(tag, days)))));
  }

  /** The recommendations page ({@code recommended.mustache}): {@link ForYou.Result} with links to other windows and tags. */
  record RecommendedView(String title, String tag, Integer days, int liked, String from, String to, String emptyReason,
      List<Views.Recommended> papers, List<Window> windows, List<TagLink> tags, String allUrl) {}

  /** A window of recommendations ({@code days} back) and whether the page shows it. */
  record Window(int days, String url, boolean current) {}

  /**
   * One of the member's tags, with its count, its page, whether the page shows it and whether it
   * is public (the templates' {@code {{#public}}}: jmustache reads {@code isPublic()} for it).
   */
  record TagLink(String tag, int count, String url, boolean current, boolean isPublic) {}

  /** The query of the recommendations for {@code tag} (null: the whole library) over the last {@code days} days. */
  static Map<String, Object> recommendedParams(String tag, int days) {
    Map<String, Object> q = new java.util.LinkedHashMap<>();
    q.put("tag", tag);
    q.put("days", days);
    return q;
  }

  public void vote(Context ctx) {
    Account me = member(ctx);
    if (me == null) {
      return;
    }
    PaperId id = listings.paper(Params.paperId(ctx.pathParam("id"))).id();
    if ("undo".equals(ctx.formParam("action"))) {
      community.undoUpvote(me, id);
    } else {
      community.upvote(me, id);
    }
    ctx.redirect(Urls.back(ctx, "/papers/" + id), HttpStatus.SEE_OTHER);
  }

  public void save(Context ctx) {
    Account me = member(ctx);
    if (me == null) {
      return;
    }
    PaperId id = listings.paper(Params.paperId(ctx.pathParam("id"))).id();
    if ("remove".equals(ctx.formParam("action"))) {
      library.remove(me, id);
    } else {
      library.save(me, id, LibraryStore.parseTags(Params.form(ctx, "tags")));
    }
    ctx.redirect(Urls.back(ctx, "/papers/" + id), HttpStatus.SEE_OTHER);
  }

  public void library(Context ctx) {
    Account me = member(ctx);
    if (me == null) {
      return;
    }
    String tag = Params.text(ctx, "tag");
    int page = Params.integer(ctx, "page", 1, 1, 100_000);
    SortOrder sort = Params.sort(ctx);
    List<LibraryStore.Entry> all = library.list(me, tag);
    Pager pager = Pager.of(page, page * LIBRARY_PAGE < all.size(), n -> libraryUrl(tag, sort, n));
    Map<PaperId, LibraryStore.Entry> saved = new java.util.HashMap<>();
    all.forEach(e -> saved.put(e.paperId(), e));
    List<Entry> entries = SortedPapers.page(all.stream().map(LibraryStore.Entry::paperId).toList(), sort, page, LIBRARY_PAGE,
        catalogue, citations, (paperId, paper, cited) -> {
          String id = paperId.value();
          LibraryStore.Entry e = saved.get(paperId);
          Views.Listed listed = paper != null ? Views.listed(paper, community.signals(paperId).upvotes(), cited)
              : new Views.Listed(id, id, org.paperlens.html.Html.escape(id), List.of(), "", List.of(), null, null, "/papers/" + id,
                  0, null, null, null, null, null, cited);
          return new Entry(listed, e.tags(), String.join(", ", e.tags()), e.added().toString().substring(0, 10));
        });
    java.util.Set<String> open = library.publicTags(me);
    List<TagLink> tags = new ArrayList<>();
    library.tags(me).forEach((t, n) -> tags.add(new TagLink(t, n, Urls.of("/library", Map.of("tag", t)), t.equals(tag), open.contains(t))));
    boolean tagPublic = tag != null && open.contains(tag);
    LibraryView v = new LibraryView(tag == null ? "Your library" : "Your library: " + tag, tag, all.size(), entries, entries.isEmpty(), tags,
        tagPublic, tagPublic ? tagFeedPath(me.name(), tag) : null, tagPublic ? CollectionPages.path(me.name(), tag) : null, pager,
        SortLink.of(sort, SortLink.LIST, o -> libraryUrl(tag, o, 1)));
    ctx.html(templates.render("library", ctx, v, new FollowLinks(tagPublic ? FollowLinks.feeds(me.name() + ": " + tag, tagFeedPath(me.name(), tag))
        : List.of(), FollowLinks.exports(Urls.of("/library/export", Map.of("tag", tag == null ? "" : tag))))));
  }

  /** A saved paper as lists show it (a paper gone from the catalogue by its id alone), its tags and the day it was saved. */
  record Entry(Views.Listed paper, List<String> tags, String tagText, String added) {}

  /**
   * A member's library ({@code library.mustache}), or one tag of it, a page of entries at a time.
   */
  record LibraryView(String title, String tag, int total, List<Entry> entries, boolean empty, List<TagLink> tags,
      boolean tagPublic, String tagFeedUrl, String collectionUrl, Pager pager, List<SortLink> sorts) {

    /** The subscribe page, set to alert of new papers citing this tag's papers, or the whole library's. */
    public String citeAlertUrl() {
      return tag == null ? SubscriptionPages.prefilled("citing-library", null) : SubscriptionPages.prefilled("citing-tag", tag);
    }
  }

  /** The library (or one tag of it) in {@code sort}, page {@code page}. */
  private static String libraryUrl(String tag, SortOrder sort, int page) {
    Map<String, Object> q = new java.util.LinkedHashMap<>();
    q.put("tag", tag);
    q.put("sort", SortLink.param(sort));
    q.put("page", page == 1 ? null : page);
    return Urls.of("/library", q);
  }

  /** Makes one of the member's tags public (it gets a feed) or private again; back to the tag's page. */
  public void tagVisibility(Context ctx) {
    Account me = member(ctx);
    if (me == null) {
      return;
    }
    String tag = Params.form(ctx, "tag");
    String flag = Params.form(ctx, "public");
    if (tag == null || !("true".equals(flag) || "false".equals(flag))) {
      throw HttpProblem.badRequest("fields 'tag' and 'public' (true or false) are required");
    }
    library.setPublic(me, tag, Boolean.parseBoolean(flag));
    ctx.redirect(Urls.of("/library", Map.of("tag", tag)), HttpStatus.SEE_OTHER);
  }

  /** Where anyone can follow a public tag: named by its owner, so two members' tags of one name stay apart. */
  public static String tagFeedPath(String owner, String tag) {
    return "/users/" + Urls.pathSegment(owner) + "/tags/" + Urls.pathSegment(tag) + "/feed";
  }

  public void submitForm(Context ctx) {
    submitPage(ctx, null, null);
  }

  public void submit(Context ctx) {
    Account me = member(ctx);
    if (me == null) {
      return;
    }
    String raw = Params.form(ctx, "paper");
    String comment = Params.form(ctx, "comment");
    Paper paper;
    switch (submissions.find(raw)) {
      case SubmitLookup.Outcome.Found f -> paper = f.paper();
      case SubmitLookup.Outcome.NotAnId n -> {
        ctx.status(400);
        submitPage(ctx, raw, n.message());
        return;
      }
      case SubmitLookup.Outcome.Unknown u -> {
        ctx.status(404);
        submitPage(ctx, raw, u.message());
        return;
      }
      case SubmitLookup.Outcome.Unreachable u -> {
        ctx.status(503);
        submitPage(ctx, raw, u.message());
        return;
      }
      case SubmitLookup.Outcome.Pending pending -> {
        ctx.status(503).header("Retry-After", "10");
        submitPage(ctx, raw, pending.message());
        return;
      }
    }
    boolean added = community.submit(me, paper.id(), comment);
    ctx.redirect("/papers/" + paper.id() + "?done=" + (added ? "submitted" : "already"), HttpStatus.SEE_OTHER);
  }
  /** The submit page ({@code submit.mustache}): the form (as typed, with what went wrong) and the latest submissions. */
  record SubmitView(String title, String value, String error, List<Recent> recent) {}

  /** A recent submission, with the paper's plain title. */
  record Recent(String id, String url, String title, String submitter, String comment, String at) {}

  private void submitPage(Context ctx, String value, String error) {
    List<Recent> recent = new ArrayList<>();
    community.recentSubmissions(20).forEach(sub -> recent.add(new Recent(sub.paperId().value(), "/papers/" + sub.paperId(),
        catalogue.find(sub.paperId()).map(p -> MathText.plain(p.title())).orElse(sub.paperId().value()), sub.submitter(),
        sub.comment(), sub.at().toString().substring(0, 10))));
    ctx.html(templates.render("submit", ctx, new SubmitView("Submit a paper", value, error, recent)));
  }

  /** The logged-in account, or null after redirecting to the log-in page. */
  static Account member(Context ctx) {
    Optional<Account> me = Auth.account(ctx);
    if (me.isEmpty()) {
      String back = ctx.method().name().equals("GET") ? ctx.path() : "/";
      ctx.redirect(Urls.of("/login", Map.of("back", back)), HttpStatus.SEE_OTHER);
      return null;
    }
    return me.get();
  }

  @Override
  public void register(Routes routes) {
    routes.post("/papers/<id>/vote", this::vote);
    routes.post("/papers/<id>/save", this::save);
    routes.get("/library", this::library);
    routes.post("/library/tags/visibility", this::tagVisibility);
    routes.get("/recommended", this::recommended);
    routes.get("/submit", this::submitForm);
    routes.post("/submit", this::submit);
  }
}
