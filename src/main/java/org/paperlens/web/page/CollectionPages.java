package org.paperlens.web.page;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.PaperId;
import org.paperlens.web.WebServices;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Urls;

/**
 * Public collections: a tag its owner made public, with a page anyone can open and share
 * ({@code /users/NAME/tags/TAG}), a feed, and an index of all of them ({@code /collections}).
 * HTTP only; {@link LibraryStore} keeps the tags and who may see them.
 */
public final class CollectionPages {

  static final int PAGE = 50;
  static final int INDEX = 100;

  private final WebServices s;
  private final Templates templates;

  public CollectionPages(WebServices s, Templates templates) {
    this.s = s;
    this.templates = templates;
  }

  public static String path(String owner, String tag) {
    return "/users/" + Urls.pathSegment(owner) + "/tags/" + Urls.pathSegment(tag);
  }

  public void index(Context ctx) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", "Collections");
    m.put("collections", collections());
    FollowLinks.put(m, FollowLinks.feeds("Public collections", "/collections/feed"), List.of());
    ctx.html(templates.render("collections", ctx, m));
  }

  public void indexApi(Context ctx) {
    ctx.json(Map.of("collections", collections()));
  }

  public void page(Context ctx) {
    Map<String, Object> m = new HashMap<>(view(ctx, Params.integer(ctx, "page", 1, 1, 10_000), PAGE));
    String owner = (String) m.get("owner");
    String tag = (String) m.get("tag");
    m.put("title", tag + " · a collection by " + owner);
    m.put("shareUrl", ctx.scheme() + "://" + ctx.host() + path(owner, tag));
    int page = (Integer) m.get("page");
    ReadingPages.pager(m, page, (Boolean) m.get("more"), p -> path(owner, tag) + "?page=" + p);
    FollowLinks.put(m, FollowLinks.feeds(tag + " by " + owner, LibraryPages.tagFeedPath(owner, tag)), List.of());
    ctx.html(templates.render("collection", ctx, m));
  }

  public void api(Context ctx) {
    ctx.json(view(ctx, Params.integer(ctx, "page", 1, 1, 10_000), Params.integer(ctx, "limit", PAGE, 1, 100)));
  }

  private List<Map<String, Object>> collections() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (LibraryStore.Collection c : s.library().publicCollections(INDEX)) {
      if (c.papers() > 0) {
        out.add(summary(c));
      }
    }
    return out;
  }

  private static Map<String, Object> summary(LibraryStore.Collection c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("owner", c.owner());
    v.put("tag", c.tag());
    v.put("papers", c.papers());
    v.put("changed", c.changed().toString().substring(0, 10));
    v.put("url", path(c.owner(), c.tag()));
    v.put("feed", LibraryPages.tagFeedPath(c.owner(), c.tag()));
    return v;
  }

  private Map<String, Object> view(Context ctx, int page, int limit) {
    String owner = ctx.pathParam("name");
    String tag = ctx.pathParam("tag");
    if (tag.isBlank() || tag.length() > LibraryStore.MAX_TAG_LENGTH || owner.length() > 100) {
      throw HttpProblem.badRequest("not a tag: '" + tag + "'");
    }
    LibraryStore.Collection c = s.library().publicCollection(owner, tag)
        .orElseThrow(() -> HttpProblem.notFound("no public collection '" + tag + "' of a member named '" + owner + "'"));
    List<PaperId> ids = s.library().publicTagged(c.owner(), c.tag(), page * limit).orElse(List.of());
    Map<String, Object> m = summary(c);
    List<Map<String, Object>> papers = new ArrayList<>();
    for (PaperId id : ids.subList(Math.min((page - 1) * limit, ids.size()), ids.size())) {
      s.catalogue().find(id).ifPresent(p -> papers.add(Views.listed(p, s.community().signals(id).upvotes())));
    }
    m.put("page", page);
    m.put("limit", limit);
    m.put("more", c.papers() > page * limit);
    m.put("entries", papers);
    return m;
  }
}
