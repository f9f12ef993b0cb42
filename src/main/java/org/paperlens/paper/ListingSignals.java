package org.paperlens.paper;

import java.util.Map;

/**
 * What orders a daily listing besides the catalogue's own columns: the community's upvotes of each
 * paper and its members' interest in each paper (upvotes and saves), which adds up per primary
 * category. Owned here so the catalogue needs no community table; the community store answers it
 * from its own totals. Both maps hold only papers with a count above zero.
 */
public interface ListingSignals {

  /** No community: a listing ordered by the catalogue's columns alone. */
  ListingSignals NONE = new ListingSignals() {
    @Override
    public Map<PaperId, Integer> upvotes() {
      return Map.of();
    }

    @Override
    public Map<PaperId, Integer> interest() {
      return Map.of();
    }
  };

  /** Upvotes per paper, for the papers that have any. */
  Map<PaperId, Integer> upvotes();

  /** Members' upvotes and saves per paper, for the papers that have any. */
  Map<PaperId, Integer> interest();
}
