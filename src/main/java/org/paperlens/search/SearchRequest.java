package org.paperlens.search;

import org.paperlens.index.Filters;
import org.paperlens.index.Match;

/**
 * One search as a person asked it.
 *
 * @param offset how many results to skip (pagination)
 * @param limit how many results to return after that
 * @param sort relevance, or date, votes or citations among the most relevant hits ({@link Searcher#SORT_DEPTH})
 * @param match which papers the query's words match ({@link Match#ALL}, the default: those with every
 *     word); applies to keyword search and the keyword half of hybrid
 */
public record SearchRequest(String query, SearchMode mode, Filters filters, int offset, int limit, SortOrder sort, Match match) {

  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET = 1000;

  public SearchRequest {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("the query is empty");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException("offset must be between 0 and " + MAX_OFFSET + ", was " + offset);
    }
    filters = filters == null ? Filters.NONE : filters;
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    match = match == null ? Match.ALL : match;
  }

  /** Under the default match rule, {@link Match#ALL}. */
  public SearchRequest(String query, SearchMode mode, Filters filters, int offset, int limit, SortOrder sort) {
    this(query, mode, filters, offset, limit, sort, Match.ALL);
  }

  /** Ranked by relevance, under the default match rule. */
  public SearchRequest(String query, SearchMode mode, Filters filters, int offset, int limit) {
    this(query, mode, filters, offset, limit, SortOrder.RELEVANCE);
  }

  /** The same search with another query text (a query read literally after it failed to parse). */
  public SearchRequest withQuery(String text) {
    return new SearchRequest(text, mode, filters, offset, limit, sort, match);
  }

  /** The same search in another order. */
  public SearchRequest withSort(SortOrder order) {
    return new SearchRequest(query, mode, filters, offset, limit, order, match);
  }
}
