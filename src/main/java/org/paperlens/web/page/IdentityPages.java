package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.store.AuthorIdentity;
import org.paperlens.search.SortOrder;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.http.Urls;

/**
 * One person's author page ({@code /authors/id/ID}) and its JSON twin, where a citation source
 * identified the author: their name, ORCID, affiliation, where the source lists them, and their
 * papers across the spellings of their name, newest or most cited first. The name's own page
 * ({@link AuthorPages}) stays for everyone of that name. HTTP only; data from {@link Identities}.
 */
public final class IdentityPages implements Feature {

  private final Identities identities;
  private final Listings listings;
  private final Templates templates;

  public IdentityPages(Identities identities, Listings listings, Templates templates) {
    this.identities = identities;
    this.listings = listings;
    this.templates = templates;
  }

  /**
   * A person's page ({@code person.mustache}).
   *
   * @param sourceUrl the person at the source that identified them
   * @param namePage everyone of this name ({@link AuthorPages})
   */
  record PersonView(String title, long id, String name, String orcid, String orcidUrl, String institution, String source,
      String sourceId, String sourceUrl, String namePage, int total, List<Views.Indexed> papers, List<SortLink> sorts, Pager pager) {

    /** The subscribe page, set to alert of new papers citing this person. */
    public String citeAlertUrl() {
      return SubscriptionPages.prefilled("citing-author", "#" + id + " " + name);
    }

    /** The feed of new papers citing this person. */
    public String citeFeedUrl() {
      return CitationFeeds.identityPath(id);
    }
  }

  static String orcidUrl(String orcid) {
    return "https://orcid.org/" + orcid;
  }

  /** The person's page at the source that identified them. */
  static String sourceUrl(AuthorIdentity i) {
    return switch (i.source()) {
      case OPENALEX -> "https://openalex.org/" + Urls.pathSegment(i.sourceId());
      case SEMANTIC_SCHOLAR -> "https://www.semanticscholar.org/author/" + Urls.pathSegment(i.sourceId());
    };
  }

  public void page(Context ctx) {
    Identities.Person p = identities.person(id(ctx));
    AuthorIdentity i = p.identity();
    int page = Params.integer(ctx, "page", 1, 1, 10_000);
    SortOrder sort = Params.sort(ctx);
    AuthorPages.Page shown = AuthorPages.page(p.papers(), sort, page, AuthorPages.PAGE, listings);
    String sortParam = AuthorPages.Page.sortParam(sort);
    PersonView v = new PersonView(i.name(), i.id(), i.name(), i.orcid().orElse(null), i.orcid().map(IdentityPages::orcidUrl).orElse(null),
        i.institution().orElse(null), i.source().displayName(), i.sourceId(), sourceUrl(i), Views.authorPath(i.name()),
        p.papers().size(), shown.papers(), AuthorPages.sorts(sort, p.url()),
        Pager.of(page, shown.more(), n -> p.url() + "?page=" + n + sortParam));
    ctx.html(templates.render("person", ctx, v));
  }

  public void api(Context ctx) {
    Identities.Person p = identities.person(id(ctx));
    AuthorIdentity i = p.identity();
    int page = Params.integer(ctx, "page", 1, 1, 10_000);
    int limit = Params.integer(ctx, "limit", AuthorPages.PAGE, 1, 100);
    SortOrder sort = Params.sort(ctx);
    AuthorPages.Page shown = AuthorPages.page(p.papers(), sort, page, limit, listings);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("name", i.name());
    m.put("url", p.url());
    m.put("orcid", i.orcid().orElse(null));
    m.put("orcidUrl", i.orcid().map(IdentityPages::orcidUrl).orElse(null));
    m.put("institution", i.institution().orElse(null));
    m.put("source", sourceKey(i.source()));
    m.put("sourceId", i.sourceId());
    m.put("sourceUrl", sourceUrl(i));
    m.put("namePage", Views.authorPath(i.name()));
    m.put("total", p.papers().size());
    m.putAll(shown.json(page, limit, sort));
    ctx.json(m);
  }

  /** How the API names a source: {@code openalex}, {@code semanticscholar}. */
  static String sourceKey(SourceName s) {
    return switch (s) {
      case OPENALEX -> "openalex";
      case SEMANTIC_SCHOLAR -> "semanticscholar";
    };
  }

  private static long id(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // Not a number: no such author.
    }
    throw HttpProblem.notFound("no author with id '" + raw + "'");
  }

  @Override
  public void register(Routes routes) {
    // After the author feeds (FeedRoutes): /authors/id/feed is the feed of an author named "id".
    routes.get("/authors/id/{id}", this::page);
    routes.api(HandlerType.GET, "/authors/id/{id}", this::api);
  }
}
