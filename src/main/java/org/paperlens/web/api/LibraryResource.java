package org.paperlens.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.search.CitationCounts;
import org.paperlens.search.SortOrder;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.JsonBodies;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.page.CollectionPages;
import org.paperlens.web.page.LibraryPages;
import org.paperlens.web.page.Listings;
import org.paperlens.web.page.SortedPapers;

/** {@code /library} and {@code /tags/{tag}}: the caller's saved papers with their tags, and which tags are public. */
public final class LibraryResource implements Feature {

  private final Listings listings;
  private final LibraryStore library;
  private final CatalogueStore catalogue;
  private final CitationCounts citations;

  public LibraryResource(Listings listings, LibraryStore library, CatalogueStore catalogue, CitationCounts citations) {
    this.listings = listings;
    this.library = library;
    this.catalogue = catalogue;
    this.citations = citations;
  }

  @Override
  public void register(Routes routes) {
    routes.api(HandlerType.GET, "/library", this::library);
    routes.api(HandlerType.PUT, "/tags/<tag>", this::tagVisibility);
    routes.api(HandlerType.PUT, "/library/<id>", this::save);
    routes.api(HandlerType.DELETE, "/library/<id>", this::remove);
  }

  void library(Context ctx) {
    Account me = Auth.required(ctx);
    String tag = Params.text(ctx, "tag");
    int limit = Params.integer(ctx, "limit", 50, 1, 100);
    int page = Params.integer(ctx, "page", 1, 1, 100_000);
    SortOrder sort = Params.sort(ctx);
    List<LibraryStore.Entry> all = library.list(me, tag);
    Map<PaperId, LibraryStore.Entry> saved = new HashMap<>();
    all.forEach(e -> saved.put(e.paperId(), e));
    List<Map<String, Object>> entries = SortedPapers.page(all.stream().map(LibraryStore.Entry::paperId).toList(), sort, page, limit,
        catalogue, citations, (id, paper, cited) -> {
          LibraryStore.Entry e = saved.get(id);
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("id", id.value());
          v.put("title", paper == null ? null : paper.title());
          v.put("added", e.added().toString());
          v.put("tags", e.tags());
          v.put("citationCount", cited);
          return v;
        });
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tag", tag);
    m.put("page", page);
    m.put("limit", limit);
    m.put("sort", sort.label());
    m.put("total", all.size());
    m.put("more", page * limit < all.size());
    m.put("tags", library.tags(me));
    m.put("publicTags", library.publicTags(me));
    m.put("entries", entries);
    ctx.json(m);
  }

  void save(Context ctx) {
    Account me = Auth.required(ctx);
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    JsonNode body = JsonBodies.body(ctx, true);
    List<String> tags = new ArrayList<>();
    JsonNode t = body.get("tags");
    if (t != null && !t.isNull()) {
      if (!t.isArray()) {
        throw HttpProblem.badRequest("'tags' must be an array of strings");
      }
      t.forEach(n -> tags.add(n.asText()));
    }
    List<String> clean = LibraryStore.parseTags(String.join(",", tags));
    library.save(me, p.id(), clean);
    ctx.json(Map.of("id", p.id().value(), "saved", true,
        "tags", library.find(me, p.id()).map(LibraryStore.Entry::tags).orElse(List.of())));
  }

  /** Makes one of the caller's tags public (with a feed) or private: body {@code {"public": true}}. */
  void tagVisibility(Context ctx) {
    Account me = Auth.required(ctx);
    String tag = ctx.pathParam("tag");
    JsonNode flag = JsonBodies.body(ctx, false).get("public");
    if (flag == null || !flag.isBoolean()) {
      throw HttpProblem.badRequest("'public' (true or false) is required");
    }
    library.setPublic(me, tag, flag.asBoolean());
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
    if (!library.remove(me, id)) {
      throw HttpProblem.notFound("paper " + id + " is not in your library");
    }
    ctx.status(204);
  }
}
