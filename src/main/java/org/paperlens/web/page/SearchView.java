package org.paperlens.web.page;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperlens.index.Match;
import org.paperlens.search.SearchHit;
import org.paperlens.search.SearchMode;
import org.paperlens.search.SearchRequest;
import org.paperlens.search.SearchResult;
import org.paperlens.search.SortOrder;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Urls;

/**
 * The search page ({@code search.mustache}): the form as filled in and, once there is a query
 * ({@code searched}), its result. The form echoes the parameters as typed.
 *
 * @param mode the mode the form shows as chosen
 * @param notice why the query was read literally, or null
 * @param coverage how much of the catalogue meaning search covers, when not all of it
 * @param total and {@code millis}: formatted for reading
 * @param sort the order asked for, when not relevance (the form keeps it); {@code sorts} links to each order
 * @param sortNote what a sort by date, votes or citations covers, or null
 * @param match the match rule the form shows as chosen ({@code all} or {@code any})
 * @param totalText what the total counts, in words ({@link SearchResult#totalText})
 * @param anyUrl the same search with {@code match=any}, offered when no paper has all the words
 */
public record SearchView(String title, Choice mode, String q, String from, String to, String category, String author,
    boolean code, boolean searched, List<Views.Hit> hits, boolean empty, String notice, String coverage,
    String millis, String total, boolean totalByMeaning, String permalink, Pager pager, String sort, List<SortLink> sorts,
    String sortNote, Choice match, String totalText, String anyUrl) {


  /** The page for {@code request} (null: no search yet, the empty form) with its {@code result}. */
  static SearchView of(Context ctx, SearchMode defaultMode, SearchRequest request, Listings.Search result, String coverage) {
    String title = request == null ? "Search" : "Search: " + request.query();
    Choice mode = new Choice(request == null ? defaultMode.label() : request.mode().label());
    String q = Params.text(ctx, "q");
    String from = Params.text(ctx, "from");
    String to = Params.text(ctx, "to");
    String category = String.join(",", Params.list(ctx, "category"));
    String author = Params.text(ctx, "author");
    boolean code = request != null && request.filters().withCode();
    if (request == null) {
      return new SearchView(title, mode, q, from, to, category, author, code, false, List.of(), false, null, null, null, null,
          false, null, null, null, List.of(), null, new Choice(Match.ALL.label()), null, null);
    }
    List<Views.Hit> hits = new ArrayList<>();
    for (SearchHit h : result.result().hits()) {
      hits.add(Views.hit(h, result.citations(h), result.votes(h)));
    }
    Map<String, Object> base = ReadingPages.searchParams(request);
    int page = request.offset() / request.limit() + 1;
    Pager pager = Pager.of(page, result.result().more() && request.offset() + request.limit() <= SearchRequest.MAX_OFFSET, p -> {
      Map<String, Object> query = new LinkedHashMap<>(base);
      query.put("page", p);
      return Urls.of("/search", query);
    });
    return new SearchView(title, mode, q, from, to, category, author, code, true, hits, hits.isEmpty(), result.notice(), coverage,
        String.format(Locale.ROOT, "%.0f", result.result().millis()), result.result().total().text(),
        request.mode() instanceof SearchMode.Semantic, Urls.of("/search", base), pager,
        request.sort() == SortOrder.RELEVANCE ? null : request.sort().label(), sorts(request), sortNote(result.result()),
        new Choice(request.match().label()), result.result().totalText(), anyUrl(request, hits.isEmpty()));
  }

  /** The same search matching any word, when this one found nothing because no paper has them all. */
  private static String anyUrl(SearchRequest request, boolean empty) {
    if (!empty || request.match() != Match.ALL || request.mode() instanceof SearchMode.Semantic) {
      return null;
    }
    Map<String, Object> query = new LinkedHashMap<>(ReadingPages.searchParams(request));
    query.put("match", Match.ANY.label());
    return Urls.of("/search", query);
  }

  /** The same search (first page) in each order. */
  private static List<SortLink> sorts(SearchRequest request) {
    return SortLink.of(request.sort(), SortLink.SEARCH, o -> {
      Map<String, Object> query = new LinkedHashMap<>(ReadingPages.searchParams(request));
      query.put("sort", SortLink.param(o));
      return Urls.of("/search", query);
    });
  }

  /** What a sort by date or citations ordered: all of the result, or its most relevant part. */
  static String sortNote(SearchResult r) {
    if (r.request().sort() == SortOrder.RELEVANCE) {
      return null;
    }
    String order = switch (r.request().sort()) {
      case DATE -> "Newest first";
      case VOTES -> "Most upvoted first";
      default -> "Most cited first";
    };
    String unknown = r.request().sort() == SortOrder.CITATIONS ? "; papers with no known citation count come last" : "";
    String among = r.sortedAmong() < r.total().value() || !r.total().exact()
        ? String.format(Locale.ROOT, " among the %,d most relevant of %s results", r.sortedAmong(), r.total().text()) : "";
    return order + among + unknown + "; ties keep their relevance order.";
  }

  /** A search's feeds and exports (none before there is a query). */
  static FollowLinks follow(SearchRequest request) {
    if (request == null) {
      return FollowLinks.NONE;
    }
    Map<String, Object> base = ReadingPages.searchParams(request);
    return new FollowLinks(FollowLinks.feeds("Search: " + request.query(), Urls.of("/search/feed", base)),
        FollowLinks.exports(Urls.of("/search/export", base)));
  }
}
