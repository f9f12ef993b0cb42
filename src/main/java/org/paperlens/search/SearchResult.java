package org.paperlens.search;

import java.util.List;

/** A page of results; {@code more} says whether another page exists. */
public record SearchResult(SearchRequest request, List<SearchHit> hits, boolean more, double millis) {
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
