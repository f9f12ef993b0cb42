package org.paperlens.web.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.citation.store.CitationFacts;
import org.paperlens.paper.Paper;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.page.Listings;
import org.paperlens.web.page.PaperCitations;

/**
 * {@code /papers/{id}/references}, {@code /citations} (paged) and {@code /graph} (the citation
 * map). Registered before {@link PaperResource}: its bare {@code /papers/<id>} would take "ID/graph" as an id.
 */
public final class CitationResource implements Feature {

  private final Listings listings;
  private final PaperCitations citations;

  public CitationResource(Listings listings, PaperCitations citations) {
    this.listings = listings;
    this.citations = citations;
  }

  @Override
  public void register(Routes routes) {
    routes.api(HandlerType.GET, "/papers/<id>/references", ctx -> list(ctx, true));
    routes.api(HandlerType.GET, "/papers/<id>/citations", ctx -> list(ctx, false));
    routes.api(HandlerType.GET, "/papers/<id>/graph", this::graph);
  }

  void list(Context ctx, boolean references) {
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    int limit = Params.integer(ctx, "limit", 50, 1, 500);
    int page = Params.integer(ctx, "page", 1, 1, PaperCitations.MAX_LISTED);
    int offset = (page - 1) * limit;
    CitationFacts f = citations.facts(p.id());
    int total = references ? f.references() : f.citedBy();
    PaperCitations.Slice slice = offset >= PaperCitations.MAX_LISTED ? new PaperCitations.Slice(List.of(), Map.of())
        : citations.list(p.id(), references, offset, limit);
    List<Map<String, Object>> items = new ArrayList<>(slice.items().size());
    slice.items().forEach(l -> items.add(CitationJson.linked(l, slice.catalogue())));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id().value());
    m.put("total", total);
    m.put("page", page);
    m.put("limit", limit);
    m.put("more", offset + items.size() < Math.min(total, PaperCitations.MAX_LISTED) && !items.isEmpty());
    m.put(references ? "references" : "citations", items);
    ctx.json(m);
  }

  void graph(Context ctx) {
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    ctx.json(CitationJson.graph(citations.map(p.id())));
  }
}
