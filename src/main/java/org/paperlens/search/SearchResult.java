package org.paperlens.search;

import java.util.List;

/**
 * A page of results; {@code more} says whether another page exists.
 *
 * @param total how many papers the search covers: those matching the words (keyword and hybrid
 *     mode, whose meaning half ranks every paper and so has no count of its own), or every paper
 *     passing the filters that has an embedding, which semantic search ranks by meaning (papers
 *     still waiting to be embedded are not counted: semantic search cannot find them)
 * @param sortedAmong how many of the most relevant hits a date or citation sort ordered (at most
 *     {@link Searcher#SORT_DEPTH}); 0 when ranked by relevance
 */
public record SearchResult(SearchRequest request, List<SearchHit> hits, boolean more, double millis, int total, int sortedAmong) {
  public SearchResult {
    hits = List.copyOf(hits);
  }

  public SearchResult(SearchRequest request, List<SearchHit> hits, boolean more, double millis, int total) {
    this(request, hits, more, millis, total, 0);
  }
}
