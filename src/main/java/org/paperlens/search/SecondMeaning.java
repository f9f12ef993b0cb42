package org.paperlens.search;

import java.util.List;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;

/**
 * A second ranking by meaning, from another embedding model than the index's own, that hybrid
 * search fuses as a third list when its fusion gives one weight ({@link Fusion#usesSecond()}).
 * Optional per deployment: a second model costs a second embedding of every paper and of every
 * query (docs/relevance.md states both beside its gain).
 */
@FunctionalInterface
public interface SecondMeaning {

  /** The {@code depth} papers nearest to {@code query} in the second model's space, best first, that pass {@code filters}. */
  List<IndexHit> nearest(String query, Filters filters, int depth);
}
