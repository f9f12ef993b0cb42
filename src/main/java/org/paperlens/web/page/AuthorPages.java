package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.index.IndexedPaper;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.http.Urls;

/**
 * An author's page ({@code /authors/NAME}) and its JSON twin: their papers newest first, the
 * people they most often write with, the categories they write in, and ways to follow them (a
 * feed, an e-mail digest). HTTP only; the data comes from {@link Listings#author}.
 */
public final class AuthorPages implements Feature {

  static final int PAGE = 30;

  private final Listings listings;
  private final Templates templates;

  public AuthorPages(Listings listings, Templates templates) {
    this.listings = listings;
    this.templates = templates;
  }

  /** The author page ({@code author.mustache}): one page of their papers, with the data the API also answers. */
  record AuthorView(String title, String name, int total, List<Views.Indexed> papers, List<CoAuthor> coAuthors,
      List<Category> categories, String subscribeUrl, Pager pager) {

    /** The subscribe page, set to alert of new papers citing this author. */
    public String citeAlertUrl() {
      return SubscriptionPages.prefilled("citing-author", name);
    }

    /** The feed of new papers citing this author. */
    public String citeFeedUrl() {
      return CitationFeeds.authorPath(name);
    }
  }

  /** Someone the author often writes with, with the number of papers together. */
  public record CoAuthor(String name, int papers, String url) {}

  /** A category the author writes in, with their number of papers there. */
  public record Category(String category, int papers) {}

  public void page(Context ctx) {
    Listings.Author a = listings.author(name(ctx));
    int page = Params.integer(ctx, "page", 1, 1, 10_000);
    int from = Math.min((page - 1) * PAGE, a.papers().size());
    int to = Math.min(from + PAGE, a.papers().size());
    Map<String, Object> subscribe = new LinkedHashMap<>();
    subscribe.put("kind", "author");
    subscribe.put("target", a.name());
    AuthorView v = new AuthorView(a.name(), a.name(), a.papers().size(), papers(a, from, to), coAuthors(a), categories(a),
        Urls.of("/subscriptions", subscribe), Pager.of(page, to < a.papers().size(), p -> Views.authorPath(a.name()) + "?page=" + p));
    ctx.html(templates.render("author", ctx, v, FollowLinks.ofFeeds("Papers by " + a.name(), feedPath(a.name()))));
  }

  private static List<Views.Indexed> papers(Listings.Author a, int from, int to) {
    List<Views.Indexed> papers = new ArrayList<>();
    for (IndexedPaper p : a.papers().subList(from, to)) {
      papers.add(Views.indexed(p));
    }
    return papers;
  }

  private static List<CoAuthor> coAuthors(Listings.Author a) {
    return a.coAuthors().stream().map(c -> new CoAuthor(c.name(), c.count(), Views.authorPath(c.name()))).toList();
  }

  private static List<Category> categories(Listings.Author a) {
    return a.categories().stream().map(c -> new Category(c.name(), c.count())).toList();
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
    m.put("page", page);
    m.put("limit", limit);
    m.put("more", to < a.papers().size());
    m.put("papers", papers(a, from, to));
    m.put("coAuthors", coAuthors(a));
    m.put("categories", categories(a));
    m.put("feed", feedPath(a.name()));
    return m;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/authors/{name}", this::page);
    routes.api(HandlerType.GET, "/authors/{name}", this::api);
  }
}
