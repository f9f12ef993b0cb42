package org.paperlens.web.page;

import io.javalin.http.Context;
import java.util.List;
import org.paperlens.paper.Paper;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;

/**
 * A paper's full reference and citer lists ({@code /papers/ID/references}, {@code /papers/ID/citations})
 * and its citation map ({@code /papers/ID/map}). HTTP only; data from {@link PaperCitations}.
 * Registered before the paper page: its {@code <id>} matches slashes, so it would take "ID/map" as an id.
 */
public final class CitationPages implements Feature {

  /** Works per page of a full list. */
  static final int PAGE = 100;

  private final Listings listings;
  private final PaperCitations citations;
  private final Templates templates;

  public CitationPages(Listings listings, PaperCitations citations, Templates templates) {
    this.listings = listings;
    this.citations = citations;
    this.templates = templates;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/papers/<id>/references", ctx -> list(ctx, true));
    routes.get("/papers/<id>/citations", ctx -> list(ctx, false));
    routes.get("/papers/<id>/map", this::map);
  }

  /**
   * One page of a full list ({@code citation-list.mustache}).
   *
   * @param heading "References" or "Cited by"; {@code total} how many are stored
   */
  record ListView(String id, String title, String titleHtml, String paperUrl, String heading, int total, int from, int to,
      List<CitationViews.LinkItem> items, String previous, String next, boolean empty) {}

  private void list(Context ctx, boolean references) {
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    int page = Params.integer(ctx, "page", 1, 1, PaperCitations.MAX_LISTED / PAGE);
    int total = references ? citations.facts(p.id()).references() : citations.facts(p.id()).citedBy();
    PaperCitations.Slice slice = citations.list(p.id(), references, (page - 1) * PAGE, PAGE);
    List<CitationViews.LinkItem> items = slice.items().stream().map(l -> CitationViews.item(l, slice.catalogue())).toList();
    String base = "/papers/" + p.id().value() + (references ? "/references" : "/citations");
    int from = (page - 1) * PAGE + 1;
    int to = from + items.size() - 1;
    boolean more = to < Math.min(total, PaperCitations.MAX_LISTED);
    String id = p.id().value();
    ctx.html(templates.render("citation-list", ctx, new ListView(id, MathText.plain(p.title() == null ? id : p.title()),
        p.title() == null ? org.paperlens.html.Html.escape(id) : MathText.html(p.title()), "/papers/" + id,
        references ? "References" : "Cited by", total, from, to, items, page > 1 ? base + (page == 2 ? "" : "?page=" + (page - 1)) : null,
        more && !items.isEmpty() ? base + "?page=" + (page + 1) : null, items.isEmpty())));
  }

  private void map(Context ctx) {
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    ctx.html(templates.render("citation-map", ctx, MapView.of(p, citations.map(p.id()))));
  }
}
