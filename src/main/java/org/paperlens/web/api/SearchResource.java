package org.paperlens.web.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.paperlens.live.PipelineStatus;
import org.paperlens.search.SearchHit;
import org.paperlens.search.SearchMode;
import org.paperlens.search.SearchRequest;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.http.Urls;
import org.paperlens.web.page.Listings;
import org.paperlens.web.page.ReadingPages;
import org.paperlens.web.page.Views;

/** {@code /search}: a page of hits with snippets, and how much of the catalogue the answer covers. */
public final class SearchResource implements Feature {

  private final Listings listings;
  private final Supplier<PipelineStatus> status;

  public SearchResource(Listings listings, Supplier<PipelineStatus> status) {
    this.listings = listings;
    this.status = status;
  }

  @Override
  public void register(Routes routes) {
    routes.api(HandlerType.GET, "/search", this::search);
  }

  void search(Context ctx) {
    SearchRequest request = Params.search(ctx, listings::mode, ReadingPages.SEARCH_PAGE);
    if (request == null) {
      throw HttpProblem.badRequest("parameter 'q' (the query) is required");
    }
    Listings.Search result = listings.search(request);
    Map<String, Object> m = new LinkedHashMap<>(ReadingPages.searchParams(request));
    m.put("page", request.offset() / request.limit() + 1);
    m.put("limit", request.limit());
    m.put("sort", request.sort().label());
    m.put("sortedAmong", result.result().sortedAmong());
    m.put("more", result.result().more());
    m.put("match", request.match().label());
    m.put("total", result.result().total().value());
    m.put("totalExact", result.result().total().exact());
    m.put("totalText", result.result().totalText());
    m.put("totalByMeaning", request.mode() instanceof SearchMode.Semantic);
    m.put("millis", result.result().millis());
    m.put("notice", result.notice());
    PipelineStatus st = status.get();
    m.put("coverage", StatusResource.coverage(st));
    m.put("coverageNotice", Listings.coverageNotice(st, request.mode()));
    m.put("permalink", Urls.of("/search", ReadingPages.searchParams(request)));
    List<Views.Hit> hits = new ArrayList<>();
    for (SearchHit h : result.result().hits()) {
      hits.add(Views.hit(h, result.citations(h), result.votes(h)));
    }
    m.put("hits", hits);
    ctx.json(m);
  }
}
