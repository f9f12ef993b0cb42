package org.paperlens.index;

import java.util.List;

/**
 * A keyword search's top hits with its count of matches, from one pass where the engine can rank
 * and count at once ({@link PaperIndex#keywordCounted}).
 *
 * @param hits the top hits, best first
 * @param total how many papers match, exactly up to the bound asked for
 */
public record CountedHits(List<IndexHit> hits, HitCount total) {

  public CountedHits {
    hits = List.copyOf(hits);
    java.util.Objects.requireNonNull(total);
  }
}
