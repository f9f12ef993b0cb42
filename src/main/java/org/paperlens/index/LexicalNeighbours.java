package org.paperlens.index;

import java.util.List;

/**
 * The result of a more-like-this query.
 *
 * @param terms the source paper's most distinctive words, best first, as they appear in its text
 */
public record LexicalNeighbours(List<IndexHit> hits, List<String> terms) {
  public LexicalNeighbours {
    hits = List.copyOf(hits);
    terms = List.copyOf(terms);
  }
}
