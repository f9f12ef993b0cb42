package org.paperlens.web.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paperlens.community.CommunityStore;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.Paper;
import org.paperlens.related.RelatedPaper;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.page.Listings;
import org.paperlens.web.page.PaperCitations;
import org.paperlens.web.page.Views;

/**
 * {@code /papers/{id}} and its related papers. Registered after the other {@code /papers/{id}/...}
 * routes: the id may contain a slash (hep-th/9901001), so the bare route would take "ID/related" as an id.
 */
public final class PaperResource implements Feature {

  private final Listings listings;
  private final CommunityStore community;
  private final LibraryStore library;
  private final PaperCitations citations;

  public PaperResource(Listings listings, CommunityStore community, LibraryStore library, PaperCitations citations) {
    this.listings = listings;
    this.community = community;
    this.library = library;
    this.citations = citations;
  }

  @Override
  public void register(Routes routes) {
    routes.api(HandlerType.GET, "/papers/<id>/related", this::related);
    routes.api(HandlerType.GET, "/papers/<id>", this::paper);
  }

  void paper(Context ctx) {
    Listings.PaperPage page = listings.paperPage(Params.paperId(ctx.pathParam("id")));
    Paper p = page.paper();
    Map<String, Object> m = Views.paper(p, page.signals());
    m.put("commentCount", page.comments().size());
    CitationJson.addTo(m, p.id(), citations.panel(p.id()));
    Auth.account(ctx).ifPresent(me -> {
      m.put("upvotedByMe", community.hasUpvoted(me, p.id()));
      m.put("inMyLibrary", library.find(me, p.id()).isPresent());
    });
    ctx.json(m);
  }

  void related(Context ctx) {
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    int k = Params.integer(ctx, "k", 10, 1, 50);
    List<Views.Related> out = new ArrayList<>();
    for (RelatedPaper r : listings.related(p.id(), k)) {
      out.add(Views.related(r));
    }
    ctx.json(Map.of("id", p.id().value(), "related", out));
  }
}
