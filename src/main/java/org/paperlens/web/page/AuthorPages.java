package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.index.IndexedPaper;
import org.paperlens.paper.PaperId;
import org.paperlens.search.SortOrder;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.http.Urls;

/**
 * An author's page ({@code /authors/NAME}) and its JSON twin: their papers newest first (or most
 * cited first), the people they most often write with, the categories they write in, and ways to
 * follow them (a feed, an e-mail digest). Where a citation source told people of that name apart,
 * the page names each of them ({@link IdentityPages}) and marks which papers are whose. HTTP only;
 * the data comes from {@link Listings#author} and {@link Identities#named}.
 */
public final class AuthorPages implements Feature {

  static final int PAGE = 30;

  private final Listings listings;
  private final Identities identities;
  private final Templates templates;

  public AuthorPages(Listings listings, Identities identities, Templates templates) {
    this.listings = listings;
    this.identities = identities;
    this.templates = templates;
  }

  /**
   * The author page ({@code author.mustache}): one page of their papers, with the data the API also
   * answers; {@code people} (with {@code peopleLine}, "3 people") when sources told namesakes apart.
   */
  record AuthorView(String title, String name, int total, List<AuthorPaper> papers, List<CoAuthor> coAuthors,
      List<Category> categories, String subscribeUrl, Pager pager, List<SortLink> sorts, String peopleLine,
      List<PersonLink> people, String withoutIdentity) {

    /** The subscribe page, set to alert of new papers citing this author. */
    public String citeAlertUrl() {
      return SubscriptionPages.prefilled("citing-author", name);
    }

    /** The feed of new papers citing this author. */
    public String citeFeedUrl() {
      return CitationFeeds.authorPath(name);
    }
  }

  /** A paper on a name's page, and the person it is by where a source said. */
  record AuthorPaper(Views.Indexed paper, PersonLink person) {}

  /** Someone the author often writes with, with the number of papers together. */
  public record CoAuthor(String name, int papers, String url) {}

  /** A category the author writes in, with their number of papers there. */
  public record Category(String category, int papers) {}

  /** One person of a name, as the name's page lists them: their page, affiliation, ORCID and number of papers. */
  public record PersonLink(long id, String name, String url, String institution, String orcid, String orcidUrl, int papers) {
    /** "1 paper", "12 papers": the page's text (not in the JSON). */
    public String paperCount() {
      return plural(papers, "paper");
    }

    static PersonLink of(Identities.Person p) {
      var i = p.identity();
      return new PersonLink(i.id(), i.name(), p.url(), i.institution().orElse(null), i.orcid().orElse(null),
          i.orcid().map(IdentityPages::orcidUrl).orElse(null), p.papers().size());
    }
  }

  /** The orders of an author's papers: newest first (their own order), most cited first. */
  static final Map<SortOrder, String> SORTS = new java.util.TreeMap<>(Map.of(SortOrder.DATE, "Newest", SortOrder.CITATIONS, "Most cited"));

  /** One page of papers, in a list's order or most cited first, with each one's citation count. */
  record Page(List<Views.Indexed> papers, boolean more) {

    /** The API's paging fields and the papers, as the name's and a person's answers both have them. */
    Map<String, Object> json(int page, int limit, SortOrder sort) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("page", page);
      m.put("limit", limit);
      m.put("sort", sort == SortOrder.CITATIONS ? "citations" : "date");
      m.put("more", more);
      m.put("papers", papers);
      return m;
    }

    /** The {@code sort} part of a next or previous page's address. */
    static String sortParam(SortOrder sort) {
      return sort == SortOrder.CITATIONS ? "&sort=citations" : "";
    }
  }

  /**
   * Page {@code page} of {@code newestFirst} in {@code sort}: by citations, the counts of all of
   * them are looked up once, else those of the page's papers.
   */
  static Page page(List<IndexedPaper> newestFirst, SortOrder sort, int page, int limit, Listings listings) {
    List<IndexedPaper> ordered = newestFirst;
    Map<PaperId, Integer> counts = null;
    if (sort == SortOrder.CITATIONS) {
      counts = listings.counts(newestFirst.stream().map(IndexedPaper::id).toList());
      ordered = sort.order(newestFirst, IndexedPaper::id, IndexedPaper::date, counts);
    }
    int from = Math.min((page - 1) * limit, ordered.size());
    int to = Math.min(from + limit, ordered.size());
    List<IndexedPaper> shown = ordered.subList(from, to);
    if (counts == null) {
      counts = listings.counts(shown.stream().map(IndexedPaper::id).toList());
    }
    List<Views.Indexed> out = new ArrayList<>();
    for (IndexedPaper p : shown) {
      out.add(Views.indexed(p, counts.get(p.id())));
    }
    return new Page(out, to < ordered.size());
  }

  /** A list's sort links: newest (no parameter) and most cited. */
  static List<SortLink> sorts(SortOrder sort, String path) {
    SortOrder current = sort == SortOrder.CITATIONS ? SortOrder.CITATIONS : SortOrder.DATE;
    return SortLink.of(current, SORTS,
        o -> o == SortOrder.CITATIONS ? path + "?sort=citations" : path);
  }

  public void page(Context ctx) {
    Listings.Author a = listings.author(name(ctx));
    Identities.Namesakes namesakes = identities.named(a.name());
    int page = Params.integer(ctx, "page", 1, 1, 10_000);
    SortOrder sort = Params.sort(ctx);
    Page shown = page(a.papers(), sort, page, PAGE, listings);
    Map<String, Object> subscribe = new LinkedHashMap<>();
    subscribe.put("kind", "author");
    subscribe.put("target", a.name());
    List<PersonLink> people = namesakes.people().stream().map(PersonLink::of).toList();
    Map<String, PersonLink> whose = new java.util.HashMap<>();
    for (int i = 0; i < people.size(); i++) {
      PersonLink person = people.get(i);
      namesakes.people().get(i).papers().forEach(p -> whose.putIfAbsent(p.id().value(), person));
    }
    List<AuthorPaper> papers = shown.papers().stream().map(p -> new AuthorPaper(p, whose.get(p.id()))).toList();
    String path = Views.authorPath(a.name());
    String sortParam = Page.sortParam(sort);
    AuthorView v = new AuthorView(a.name(), a.name(), a.papers().size(), papers, coAuthors(a), categories(a),
        Urls.of("/subscriptions", subscribe), Pager.of(page, shown.more(), p -> path + "?page=" + p + sortParam), sorts(sort, path),
        people.isEmpty() ? null : people.size() == 1 ? "1 person" : people.size() + " people", people,
        withoutIdentity(a, namesakes) == 0 ? null : "plus " + plural(withoutIdentity(a, namesakes), "paper") + " with no identity");
    ctx.html(templates.render("author", ctx, v, FollowLinks.ofFeeds("Papers by " + a.name(), feedPath(a.name()))));
  }

  /** How many of the name's papers no source tied to one of its people. */
  private static int withoutIdentity(Listings.Author a, Identities.Namesakes namesakes) {
    if (namesakes.people().isEmpty()) {
      return 0;
    }
    return (int) a.papers().stream().filter(p -> !namesakes.identified().contains(p.id())).count();
  }

  static String plural(int n, String noun) {
    return String.format(java.util.Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  private static List<CoAuthor> coAuthors(Listings.Author a) {
    return a.coAuthors().stream().map(c -> new CoAuthor(c.name(), c.count(), Views.authorPath(c.name()))).toList();
  }

  private static List<Category> categories(Listings.Author a) {
    return a.categories().stream().map(c -> new Category(c.name(), c.count())).toList();
  }

  public void api(Context ctx) {
    Listings.Author a = listings.author(name(ctx));
    ctx.json(view(a, identities.named(a.name()), Params.integer(ctx, "page", 1, 1, 10_000),
        Params.integer(ctx, "limit", PAGE, 1, 100), Params.sort(ctx)));
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

  /** The author's data for one page of papers: the API's answer. */
  private Map<String, Object> view(Listings.Author a, Identities.Namesakes namesakes, int page, int limit, SortOrder sort) {
    Page shown = page(a.papers(), sort, page, limit, listings);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", a.name());
    m.put("url", Views.authorPath(a.name()));
    m.put("total", a.papers().size());
    m.putAll(shown.json(page, limit, sort));
    m.put("people", namesakes.people().stream().map(PersonLink::of).toList());
    m.put("withoutIdentity", withoutIdentity(a, namesakes));
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
