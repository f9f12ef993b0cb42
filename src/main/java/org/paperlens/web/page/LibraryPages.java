package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.web.WebServices;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Urls;

/** The pages and forms of a member: upvote, save with tags, the library, submitting a paper. HTTP only. */
public final class LibraryPages {

  /** Library entries per page: each carries a tag form, so fewer than a daily page. */
  static final int LIBRARY_PAGE = 40;

  private final WebServices s;
  private final Listings listings;
  private final Templates templates;
  private final ForYou forYou;
  private final SubmitLookup submissions;

  public LibraryPages(WebServices s, Listings listings, Templates templates, ForYou forYou, SubmitLookup submissions) {
    this.submissions = submissions;
    this.s = s;
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
    Map<String, Object> m = new HashMap<>(forYou.recommend(me, tag, days, 20));
    m.put("title", "Recommended for you");
    List<Map<String, Object>> windows = new ArrayList<>();
    for (int d : ForYou.WINDOWS) {
      windows.add(Map.of("days", d, "url", Urls.of("/recommended", new java.util.LinkedHashMap<>(Map.of("days", d))) + (tag == null ? "" : "&tag=" + Urls.encode(tag)),
          "current", d == days));
    }
    m.put("windows", windows);
    List<Map<String, Object>> tags = new ArrayList<>();
    s.library().tags(me).forEach((t, n) -> tags.add(Map.of("tag", t, "url", Urls.of("/recommended", Map.of("tag", t, "days", days)),
        "current", t.equals(tag))));
    m.put("tags", tags);
    m.put("allUrl", Urls.of("/recommended", Map.of("days", days)));
    m.put("empty", ((List<?>) m.get("papers")).isEmpty());
    FollowLinks.put(m, FollowLinks.feeds("Recommended for you" + (tag == null ? "" : ": " + tag),
        Urls.of("/recommended/feed", recommendedParams(tag, days))), List.of());
    ctx.html(templates.render("recommended", ctx, m));
  }

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
      s.community().undoUpvote(me, id);
    } else {
      s.community().upvote(me, id);
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
      s.library().remove(me, id);
    } else {
      s.library().save(me, id, LibraryStore.parseTags(Params.form(ctx, "tags")));
    }
    ctx.redirect(Urls.back(ctx, "/papers/" + id), HttpStatus.SEE_OTHER);
  }

  public void library(Context ctx) {
    Account me = member(ctx);
    if (me == null) {
      return;
    }
    String tag = Params.text(ctx, "tag");
    Map<String, Object> m = new HashMap<>();
    m.put("title", tag == null ? "Your library" : "Your library: " + tag);
    m.put("tag", tag);
    int page = Params.integer(ctx, "page", 1, 1, 100_000);
    List<LibraryStore.Entry> all = s.library().list(me, tag);
    int from = Math.min((page - 1) * LIBRARY_PAGE, all.size());
    int to = Math.min(from + LIBRARY_PAGE, all.size());
    m.put("total", all.size());
    ReadingPages.pager(m, page, to < all.size(), n -> Urls.of("/library", new java.util.LinkedHashMap<>(java.util.Map.of("page", n)))
        + (tag == null ? "" : "&tag=" + Urls.encode(tag)));
    List<Map<String, Object>> entries = new ArrayList<>();
    for (LibraryStore.Entry e : all.subList(from, to)) {
      Optional<Paper> p = s.catalogue().find(e.paperId());
      Map<String, Object> v = p.map(paper -> Views.listed(paper, s.community().signals(paper.id()).upvotes()))
          .orElseGet(() -> new HashMap<>(Map.of("id", e.paperId().value(), "title", e.paperId().value(),
              "titleHtml", org.paperlens.html.Html.escape(e.paperId().value()), "url", "/papers/" + e.paperId())));
      v.put("tags", e.tags());
      v.put("tagText", String.join(", ", e.tags()));
      v.put("added", e.added().toString().substring(0, 10));
      entries.add(v);
    }
    m.put("entries", entries);
    m.put("empty", entries.isEmpty());
    java.util.Set<String> open = s.library().publicTags(me);
    List<Map<String, Object>> tags = new ArrayList<>();
    s.library().tags(me).forEach((t, n) -> tags.add(Map.of("tag", t, "count", n, "url", Urls.of("/library", Map.of("tag", t)),
        "current", t.equals(tag), "public", open.contains(t))));
    m.put("tags", tags);
    if (tag != null && open.contains(tag)) {
      m.put("tagPublic", Boolean.TRUE);
      m.put("tagFeedUrl", tagFeedPath(me.name(), tag));
      m.put("collectionUrl", CollectionPages.path(me.name(), tag));
    }
    FollowLinks.put(m, tag != null && open.contains(tag) ? FollowLinks.feeds(me.name() + ": " + tag, tagFeedPath(me.name(), tag)) : List.of(),
        FollowLinks.exports(Urls.of("/library/export", Map.of("tag", tag == null ? "" : tag))));
    ctx.html(templates.render("library", ctx, m));
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
    s.library().setPublic(me, tag, Boolean.parseBoolean(flag));
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
    boolean added = s.community().submit(me, paper.id(), comment);
    ctx.redirect("/papers/" + paper.id() + "?done=" + (added ? "submitted" : "already"), HttpStatus.SEE_OTHER);
  }
  private void submitPage(Context ctx, String value, String error) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", "Submit a paper");
    m.put("value", value);
    m.put("error", error);
    List<Map<String, Object>> recent = new ArrayList<>();
    s.community().recentSubmissions(20).forEach(sub -> {
      Map<String, Object> v = new HashMap<>();
      v.put("id", sub.paperId().value());
      v.put("url", "/papers/" + sub.paperId());
      v.put("title", s.catalogue().find(sub.paperId()).map(p -> MathText.plain(p.title())).orElse(sub.paperId().value()));
      v.put("submitter", sub.submitter());
      v.put("comment", sub.comment());
      v.put("at", sub.at().toString().substring(0, 10));
      recent.add(v);
    });
    m.put("recent", recent);
    ctx.html(templates.render("submit", ctx, m));
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
}
