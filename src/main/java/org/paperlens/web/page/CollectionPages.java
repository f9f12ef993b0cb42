package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.community.CommunityStore;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.search.CitationCounts;
import org.paperlens.search.SortOrder;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.http.Urls;

/**
 * Public collections: a tag its owner made public, with a page anyone can open and share
 * ({@code /users/NAME/tags/TAG}), a feed, and an index of all of them ({@code /collections}).
 * HTTP only; {@link LibraryStore} keeps the tags and who may see them.
 */
public final class CollectionPages implements Feature {

  static final int PAGE = 50;
  static final int INDEX = 100;

  private final CatalogueStore catalogue;
  private final CommunityStore community;
  private final LibraryStore library;
  private final Templates templates;
  private final CitationCounts citations;
  private final org.paperlens.digest.Links links;

  public CollectionPages(CatalogueStore catalogue, CommunityStore community, LibraryStore library, Templates templates,
      CitationCounts citations, org.paperlens.digest.Links links) {
    this.catalogue = catalogue;
    this.links = links;
    this.community = community;
    this.library = library;
    this.templates = templates;
    this.citations = citations;
  }

  public static String path(String owner, String tag) {
    return "/users/" + Urls.pathSegment(owner) + "/tags/" + Urls.pathSegment(tag);
  }

  /** A public collection as the index lists it (and the API answers). */
  public record Collection(String owner, String tag, int papers, String changed, String url, String feed) {}

  /** The index of public collections ({@code collections.mustache}). */
  record IndexView(String title, List<Collection> collections) {}

  /** A collection's page ({@code collection.mustache}): one page of its papers and the address to share. */
  record CollectionView(String title, String owner, String tag, int papers, String changed, String shareUrl,
      List<Views.Listed> entries, Pager pager, List<SortLink> sorts) {}

  public void index(Context ctx) {
    ctx.html(templates.render("collections", ctx, new IndexView("Collections", collections()),
        FollowLinks.ofFeeds("Public collections", "/collections/feed")));
  }

  public void indexApi(Context ctx) {
    ctx.json(Map.of("collections", collections()));
  }

  public void page(Context ctx) {
    int page = Params.integer(ctx, "page", 1, 1, 10_000);
    SortOrder sort = Params.sort(ctx);
    LibraryStore.Collection c = collection(ctx);
    String owner = c.owner();
    String tag = c.tag();
    String sortParam = SortLink.param(sort) == null ? "" : "&sort=" + SortLink.param(sort);
    CollectionView v = new CollectionView(tag + " · a collection by " + owner, owner, tag, c.papers(), c.changed().toString().substring(0, 10),
        links.site(path(owner, tag)), entries(c, page, PAGE, sort), Pager.of(page, c.papers() > page * PAGE,
        p -> path(owner, tag) + "?page=" + p + sortParam),
        SortLink.of(sort, SortLink.LIST, o -> path(owner, tag) + (SortLink.param(o) == null ? "" : "?sort=" + SortLink.param(o))));
    ctx.html(templates.render("collection", ctx, v, FollowLinks.ofFeeds(tag + " by " + owner, LibraryPages.tagFeedPath(owner, tag))));
  }

  public void api(Context ctx) {
    ctx.json(view(ctx, Params.integer(ctx, "page", 1, 1, 10_000), Params.integer(ctx, "limit", PAGE, 1, 100), Params.sort(ctx)));
  }

  private List<Collection> collections() {
    List<Collection> out = new ArrayList<>();
    for (LibraryStore.Collection c : library.publicCollections(INDEX)) {
      if (c.papers() > 0) {
        out.add(summary(c));
      }
    }
    return out;
  }

  private static Collection summary(LibraryStore.Collection c) {
    return new Collection(c.owner(), c.tag(), c.papers(), c.changed().toString().substring(0, 10), path(c.owner(), c.tag()),
        LibraryPages.tagFeedPath(c.owner(), c.tag()));
  }

  /** The public collection the path names, or a 400 (not a tag) or 404 (no such public collection). */
  private LibraryStore.Collection collection(Context ctx) {
    String owner = ctx.pathParam("name");
    String tag = ctx.pathParam("tag");
    if (tag.isBlank() || tag.length() > LibraryStore.MAX_TAG_LENGTH || owner.length() > 100) {
      throw HttpProblem.badRequest("not a tag: '" + tag + "'");
    }
    return library.publicCollection(owner, tag)
        .orElseThrow(() -> HttpProblem.notFound("no public collection '" + tag + "' of a member named '" + owner + "'"));
  }

  /**
   * Page {@code page} of the collection's papers, {@code limit} to a page, as lists show them:
   * most recently added first, or all of them newest or most cited first.
   */
  private List<Views.Listed> entries(LibraryStore.Collection c, int page, int limit, SortOrder sort) {
    List<PaperId> ids = library.publicTagged(c.owner(), c.tag(), sort == SortOrder.RELEVANCE ? page * limit : c.papers())
        .orElse(List.of());
    return SortedPapers.page(ids, sort, page, limit, catalogue, citations,
        (id, p, cited) -> p == null ? null : Views.listed(p, community.signals(id).upvotes(), cited));
  }

  /** The API's answer: the collection's summary and one page of its papers. */
  private Map<String, Object> view(Context ctx, int page, int limit, SortOrder sort) {
    LibraryStore.Collection c = collection(ctx);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("owner", c.owner());
    m.put("tag", c.tag());
    m.put("papers", c.papers());
    m.put("changed", c.changed().toString().substring(0, 10));
    m.put("url", path(c.owner(), c.tag()));
    m.put("feed", LibraryPages.tagFeedPath(c.owner(), c.tag()));
    m.put("page", page);
    m.put("limit", limit);
    m.put("sort", sort.label());
    m.put("more", c.papers() > page * limit);
    m.put("entries", entries(c, page, limit, sort));
    return m;
  }

  @Override
  public void register(Routes routes) {
    // After the tag feed route (FeedRoutes): <tag> takes slashes.
    routes.get("/collections", this::index);
    routes.get("/users/{name}/tags/<tag>", this::page);
    routes.api(HandlerType.GET, "/collections", this::indexApi);
    routes.api(HandlerType.GET, "/users/{name}/tags/<tag>", this::api);
  }
}
