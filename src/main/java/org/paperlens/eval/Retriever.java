package org.paperlens.eval;

import java.util.List;

/**
 * What the evaluator needs from a search mode: the best {@code k} documents for a query text.
 * Keyword, semantic and hybrid search each plug in as one of these.
 */
@FunctionalInterface
public interface Retriever {

  /**
   * Returns at most {@code k} documents, each at most once. Their order does not matter: the
   * evaluator ranks them by score as {@code trec_eval} does (see {@link Run}).
   */
  List<ScoredDoc> search(String queryText, int k);
}
