package org.paperlens.web.page;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.index.IndexedPaper;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Urls;

/**
 * An author's page ({@code /authors/NAME}) and its JSON twin: their papers newest first, the
 * people they most often write with, the categories they write in, and ways to follow them (a
 * feed, an e-mail digest). HTTP only; the data comes from {@link Listings#author}.
 */
public final class AuthorPages {

  static final int PAGE = 30;

  private final Listings listings;
  private final Templates templates;

  public AuthorPages(Listings listings, Templates templates) {
    this.listings = listings;
    this.templates = templates;
  }

  public void page(Context ctx) {
    Listings.Author a = listings.author(name(ctx));
    int page = Params.integer(ctx, "page", 1, 1, 10_000);
    Map<String, Object> m = new HashMap<>(view(a, page, PAGE));
    m.put("title", a.name());
    ReadingPages.pager(m, page, (Boolean) m.get("more"), p -> Views.authorPath(a.name()) + "?page=" + p);
    Map<String, Object> subscribe = new LinkedHashMap<>();
    subscribe.put("kind", "author");
    subscribe.put("target", a.name());
    m.put("subscribeUrl", Urls.of("/subscriptions", subscribe));
    FollowLinks.put(m, FollowLinks.feeds("Papers by " + a.name(), feedPath(a.name())), List.of());
    ctx.html(templates.render("author", ctx, m));
  }

  public void api(Context ctx) {
    Listings.Author a = listings.author(name(ctx));
    ctx.json(view(a, Params.integer(ctx, "page", 1, 1, 10_000), Params.integer(ctx, "limit", PAGE, 1, 100)));
  }

  static String feedPath(String name) {
    return Views.authorPath(name) + "/feed";
  }

  static String name(Context ctx) {
    String name = ctx.pathParam("name").strip();
    if (name.isEmpty() || name.length() > Params.MAX_TEXT) {
      throw HttpProblem.badRequest("an author's name is 1 to " + Params.MAX_TEXT + " characters");
    }
    return name;
  }

  /** The author's data for one page of papers: the page's model and the API's answer. */
  private static Map<String, Object> view(Listings.Author a, int page, int limit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", a.name());
    m.put("url", Views.authorPath(a.name()));
    m.put("total", a.papers().size());
    int from = Math.min((page - 1) * limit, a.papers().size());
    int to = Math.min(from + limit, a.papers().size());
    List<Map<String, Object>> papers = new ArrayList<>();
    for (IndexedPaper p : a.papers().subList(from, to)) {
      papers.add(Views.indexed(p));
    }
    m.put("page", page);
    m.put("limit", limit);
    m.put("more", to < a.papers().size());
    m.put("papers", papers);
    m.put("coAuthors", a.coAuthors().stream().map(c -> Map.of("name", c.name(), "papers", c.count(), "url", Views.authorPath(c.name()))).toList());
    m.put("categories", a.categories().stream().map(c -> Map.of("category", c.name(), "papers", c.count())).toList());
    m.put("feed", feedPath(a.name()));
    return m;
  }
}
