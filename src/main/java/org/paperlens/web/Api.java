package org.paperlens.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.community.Trending;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.related.RelatedPaper;
import org.paperlens.search.SearchHit;
import org.paperlens.search.SearchRequest;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.page.AccountChanges;
import org.paperlens.web.page.CollectionPages;
import org.paperlens.web.page.ForYou;
import org.paperlens.web.page.LibraryPages;
import org.paperlens.web.page.Listings;
import org.paperlens.web.page.ReadingPages;
import org.paperlens.web.page.SubmitLookup;
import org.paperlens.web.page.Views;

/**
 * The JSON API under /api/v1: the same data as the pages ({@link Views}), plus the actions.
 * Lists are paged with {@code page} (from 1) and {@code limit}; each says whether there is more.
 * Routes are listed in {@link WebServer} and documented in {@code web/openapi.json}.
 */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebServices s;
  private final Listings listings;
  private final Auth auth;
  private final ForYou forYou;
  private final SubmitLookup submissions;

  private final AccountChanges changes;

  Api(WebServices s, Listings listings, Auth auth, ForYou forYou, SubmitLookup submissions, AccountChanges changes) {
    this.changes = changes;
    this.submissions = submissions;
    this.s = s;
    this.listings = listings;
    this.auth = auth;
    this.forYou = forYou;
  }

  /** Recommendations from the caller's library (or one tag), with the reasons. */
  void recommendations(Context ctx) {
    Account me = Auth.required(ctx);
    ctx.json(forYou.recommend(me, Params.text(ctx, "tag"), Params.integer(ctx, "days", 30, 1, 3650),
        Params.integer(ctx, "limit", 20, 1, 100)));
  }

  void paper(Context ctx) {
    Listings.PaperPage page = listings.paperPage(Params.paperId(ctx.pathParam("id")));
    Paper p = page.paper();
    Map<String, Object> m = Views.paper(p, page.signals());
    m.put("commentCount", page.comments().size());
    Auth.account(ctx).ifPresent(me -> {
      m.put("upvotedByMe", s.community().hasUpvoted(me, p.id()));
      m.put("inMyLibrary", s.library().find(me, p.id()).isPresent());
    });
    ctx.json(m);
  }

  void related(Context ctx) {
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    int k = Params.integer(ctx, "k", 10, 1, 50);
    List<Map<String, Object>> out = new ArrayList<>();
    for (RelatedPaper r : listings.related(p.id(), k)) {
      out.add(Views.related(r));
    }
    ctx.json(Map.of("id", p.id().value(), "related", out));
  }

  void daily(Context ctx) {
    Listings.View view = ReadingPages.view(ctx);
    int limit = Params.integer(ctx, "limit", Listings.DAILY_PAGE, 1, 100);
    Listings.Daily d = listings.daily(Params.date(ctx, "date"), view, ReadingPages.listingFilter(ctx),
        Params.integer(ctx, "page", 1, 1, 10_000), limit);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", d.date().toString());
    m.put("view", view.name().toLowerCase(java.util.Locale.ROOT));
    m.put("from", d.from().toString());
    m.put("to", d.to().toString());
    m.put("total", d.total());
    Map<String, Integer> perDay = new LinkedHashMap<>();
    d.perDay().forEach((day, n) -> perDay.put(day.toString(), n));
    m.put("perDay", perDay);
    m.put("category", d.filter().categories().isEmpty() ? null : d.filter().categories().stream().sorted().toList());
    m.put("code", d.filter().withCode());
    m.put("perCategory", d.perCategory());
    m.put("previous", d.previous() == null ? null : d.previous().toString());
    m.put("next", d.next() == null ? null : d.next().toString());
    m.put("page", d.page());
    m.put("limit", d.pageSize());
    m.put("more", d.more());
    m.put("papers", d.papers());
    ctx.json(m);
  }

  void trending(Context ctx) {
    String w = Params.text(ctx, "window");
    Trending.Window window = w == null ? Trending.Window.WEEK : Trending.Window.parse(w);
    int limit = Params.integer(ctx, "limit", 30, 1, 100);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("window", window.label());
    m.put("halfLifeHours", window.halfLife.toHours());
    m.put("formula", Trending.FORMULA);
    m.put("minAccountAgeHours", s.trending().minAccountAge().toHours());
    m.put("papers", listings.trending(window, limit));
    ctx.json(m);
  }

  /** GET /api/v1/status: what is searchable, what is still being embedded, how far the index lags. */
  void status(Context ctx) {
    org.paperlens.live.PipelineStatus st = s.status().get();
    Map<String, Object> m = new LinkedHashMap<>(coverage(st));
    m.put("catalogueSeq", st.catalogueSeq());
    m.put("toEmbed", st.toEmbed());
    m.put("embedRate", st.embedRate());
    m.put("lastHarvest", st.lastHarvest());
    m.put("lastImport", st.lastImport());
    m.put("summary", st.describe());
    ctx.json(m);
  }

  private static Map<String, Object> coverage(org.paperlens.live.PipelineStatus st) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("papers", st.coverage().papers());
    m.put("embedded", st.coverage().withVector());
    m.put("indexSeq", st.coverage().seq());
    return m;
  }

  void search(Context ctx) {
    SearchRequest request = Params.search(ctx, listings::mode, ReadingPages.SEARCH_PAGE);
    if (request == null) {
      throw HttpProblem.badRequest("parameter 'q' (the query) is required");
    }
    Listings.Search result = listings.search(request);
    Map<String, Object> m = new LinkedHashMap<>(ReadingPages.searchParams(request));
    m.put("page", request.offset() / request.limit() + 1);
    m.put("limit", request.limit());
    m.put("more", result.result().more());
    m.put("total", result.result().total());
    m.put("totalByMeaning", request.mode() instanceof org.paperlens.search.SearchMode.Semantic);
    m.put("millis", result.result().millis());
    m.put("notice", result.notice());
    m.put("coverage", coverage(s.status().get()));
    m.put("coverageNotice", Listings.coverageNotice(s.status().get(), request.mode()));
    m.put("permalink", org.paperlens.web.http.Urls.of("/search", ReadingPages.searchParams(request)));
    List<Map<String, Object>> hits = new ArrayList<>();
    for (SearchHit h : result.result().hits()) {
      hits.add(Views.hit(h));
    }
    m.put("hits", hits);
    ctx.json(m);
  }

  void me(Context ctx) {
    Account me = Auth.required(ctx);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", me.name());
    m.put("email", s.accounts().email(me).orElse(null));
    ctx.json(m);
  }

  /** Body {@code {"current": "...", "password": "..."}}; other sessions end, API tokens stay. */
  void changePassword(Context ctx) {
    Account me = Auth.required(ctx);
    JsonNode body = body(ctx, false);
    changes.changePassword(ctx, me, rawString(body, "current"), rawString(body, "password"));
    ctx.status(204);
  }

  /** Body {@code {"email": "..."}}; null or empty removes the address. */
  void changeEmail(Context ctx) {
    Account me = Auth.required(ctx);
    String email;
    try {
      email = changes.setEmail(me, string(body(ctx, false), "email"));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", me.name());
    m.put("email", email);
    ctx.json(m);
  }

  /** Body {@code {"password": "..."}}: deletes the caller's account with all its data. */
  void deleteMe(Context ctx) {
    Account me = Auth.required(ctx);
    changes.delete(ctx, me, rawString(body(ctx, false), "password"));
    ctx.status(204);
  }

  /** A string field as sent, not stripped (a password may begin or end with a space). */
  private static String rawString(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual() || n.asText().length() > Params.MAX_TEXT) {
      throw HttpProblem.badRequest("'" + field + "' must be a string of at most " + Params.MAX_TEXT + " characters");
    }
    return n.asText();
  }

  void upvote(Context ctx) {
    Account me = Auth.required(ctx);
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    boolean changed = s.community().upvote(me, p.id());
    ctx.json(Map.of("id", p.id().value(), "upvoted", true, "changed", changed, "upvotes", s.community().signals(p.id()).upvotes()));
  }

  void undoUpvote(Context ctx) {
    Account me = Auth.required(ctx);
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    boolean changed = s.community().undoUpvote(me, p.id());
    ctx.json(Map.of("id", p.id().value(), "upvoted", false, "changed", changed, "upvotes", s.community().signals(p.id()).upvotes()));
  }

  void library(Context ctx) {
    Account me = Auth.required(ctx);
    String tag = Params.text(ctx, "tag");
    int limit = Params.integer(ctx, "limit", 50, 1, 100);
    int page = Params.integer(ctx, "page", 1, 1, 100_000);
    List<LibraryStore.Entry> all = s.library().list(me, tag);
    int from = Math.min((page - 1) * limit, all.size());
    int to = Math.min(from + limit, all.size());
    List<Map<String, Object>> entries = new ArrayList<>();
    for (LibraryStore.Entry e : all.subList(from, to)) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", e.paperId().value());
      v.put("title", s.catalogue().find(e.paperId()).map(Paper::title).orElse(null));
      v.put("added", e.added().toString());
      v.put("tags", e.tags());
      entries.add(v);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tag", tag);
    m.put("page", page);
    m.put("limit", limit);
    m.put("total", all.size());
    m.put("more", to < all.size());
    m.put("tags", s.library().tags(me));
    m.put("publicTags", s.library().publicTags(me));
    m.put("entries", entries);
    ctx.json(m);
  }

  void save(Context ctx) {
    Account me = Auth.required(ctx);
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    JsonNode body = body(ctx, true);
    List<String> tags = new ArrayList<>();
    JsonNode t = body.get("tags");
    if (t != null && !t.isNull()) {
      if (!t.isArray()) {
        throw HttpProblem.badRequest("'tags' must be an array of strings");
      }
      t.forEach(n -> tags.add(n.asText()));
    }
    List<String> clean = LibraryStore.parseTags(String.join(",", tags));
    s.library().save(me, p.id(), clean);
    ctx.json(Map.of("id", p.id().value(), "saved", true, "tags", s.library().find(me, p.id()).map(LibraryStore.Entry::tags).orElse(List.of())));
  }

  /** Makes one of the caller's tags public (with a feed) or private: body {@code {"public": true}}. */
  void tagVisibility(Context ctx) {
    Account me = Auth.required(ctx);
    String tag = ctx.pathParam("tag");
    JsonNode flag = body(ctx, false).get("public");
    if (flag == null || !flag.isBoolean()) {
      throw HttpProblem.badRequest("'public' (true or false) is required");
    }
    s.library().setPublic(me, tag, flag.asBoolean());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tag", tag);
    m.put("public", flag.asBoolean());
    m.put("feed", flag.asBoolean() ? LibraryPages.tagFeedPath(me.name(), tag) : null);
    m.put("collection", flag.asBoolean() ? CollectionPages.path(me.name(), tag) : null);
    ctx.json(m);
  }

  void remove(Context ctx) {
    Account me = Auth.required(ctx);
    PaperId id = Params.paperId(ctx.pathParam("id"));
    if (!s.library().remove(me, id)) {
      throw HttpProblem.notFound("paper " + id + " is not in your library");
    }
    ctx.status(204);
  }

  void submissions(Context ctx) {
    int limit = Params.integer(ctx, "limit", 20, 1, 100);
    List<Map<String, Object>> out = new ArrayList<>();
    s.community().recentSubmissions(limit).forEach(sub -> {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", sub.paperId().value());
      v.put("submitter", sub.submitter());
      v.put("comment", sub.comment());
      v.put("at", sub.at().toString());
      out.add(v);
    });
    ctx.json(Map.of("submissions", out));
  }

  void submit(Context ctx) {
    Account me = Auth.required(ctx);
    JsonNode body = body(ctx, false);
    String raw = string(body, "paper");
    String comment = string(body, "comment");
    if (raw == null) {
      throw HttpProblem.badRequest("'paper' (an arXiv id or URL) is required");
    }
    Paper paper = switch (submissions.find(raw)) {
      case SubmitLookup.Outcome.Found f -> f.paper();
      case SubmitLookup.Outcome.NotAnId n -> throw HttpProblem.badRequest(n.message());
      case SubmitLookup.Outcome.Unknown u -> throw HttpProblem.notFound(u.message());
      case SubmitLookup.Outcome.Unreachable u -> throw new HttpProblem(503, u.message(), "60");
      case SubmitLookup.Outcome.Pending pending -> throw new HttpProblem(503, pending.message(), "10");
    };
    boolean added = s.community().submit(me, paper.id(), comment);
    ctx.status(added ? 201 : 200).json(Map.of("id", paper.id().value(), "submitted", true, "new", added));
  }

  /** Exchanges a name and password for an API token (the log-in is rate-limited like the form's, and so are new tokens). */
  void token(Context ctx) {
    JsonNode body = body(ctx, false);
    Account me = auth.logIn(ctx, string(body, "name"), string(body, "password"));
    String label = string(body, "label");
    String token = auth.newApiToken(me, label == null ? "api" : label);
    ctx.status(201).json(Map.of("token", token, "name", me.name()));
  }

  private static String string(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw HttpProblem.badRequest("'" + field + "' must be a string");
    }
    String v = n.asText().strip();
    if (v.length() > Params.MAX_TEXT) {
      throw HttpProblem.badRequest("'" + field + "' is longer than " + Params.MAX_TEXT + " characters");
    }
    return v.isEmpty() ? null : v;
  }

  /** The request's JSON object body ({@code optional}: an empty body is an empty object), or a 400. */
  public static JsonNode body(Context ctx, boolean optional) {
    String text = ctx.body();
    if (text.isBlank() && optional) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(text);
      if (n == null || !n.isObject()) {
        throw HttpProblem.badRequest("the request body must be a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw HttpProblem.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
