package org.paperlens.search;

import java.util.List;
import org.paperlens.index.HitCount;

/**
 * A page of results; {@code more} says whether another page exists.
 *
 * @param total how many papers the search covers: those matching the words under the request's
 *     match rule (keyword and hybrid mode, whose meaning half ranks every paper and so has no count
 *     of its own; its list may add papers close in meaning that lack a word), or every paper
 *     passing the filters that has an embedding, which semantic search ranks by meaning (papers
 *     still waiting to be embedded are not counted: semantic search cannot find them); keyword
 *     and hybrid counts stop at {@link Searcher#EXACT_COUNT} and are then a lower bound ("1,000+")
 * @param sortedAmong how many of the most relevant hits a date or citation sort ordered (at most
 *     {@link Searcher#SORT_DEPTH}); 0 when ranked by relevance
 */
public record SearchResult(SearchRequest request, List<SearchHit> hits, boolean more, double millis, HitCount total, int sortedAmong) {
  public SearchResult {
    hits = List.copyOf(hits);
  }

  public SearchResult(SearchRequest request, List<SearchHit> hits, boolean more, double millis, HitCount total) {
    this(request, hits, more, millis, total, 0);
  }

  /**
   * What {@link #total} counts, in words, as the page, the command line and the API say it: "1,234
   * papers have all the words", "1,000+ papers have …" past the bound, "… have any of the words",
   * or "ranked by meaning among …".
   */
  public String totalText() {
    String n = total.text();
    String papers = total.value() == 1 && total.exact() ? " paper" : " papers";
    return switch (request.mode()) {
      case SearchMode.Semantic s -> n + papers + " ranked by meaning (every embedded paper passing the filters)";
      case SearchMode.Keyword k -> n + papers + words();
      case SearchMode.Hybrid h -> n + papers + words() + "; the list also ranks papers close in meaning";
    };
  }

  private String words() {
    boolean one = total.value() == 1 && total.exact();
    if (org.paperlens.index.QueryText.hasOperators(request.query())) {
      return one ? " matches the query" : " match the query";
    }
    return switch (request.match()) {
      case ALL -> one ? " has all the words" : " have all the words";
      case ANY -> one ? " has one of the words or more" : " have one of the words or more";
    };
  }
}
