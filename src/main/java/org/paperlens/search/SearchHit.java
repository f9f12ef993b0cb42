package org.paperlens.search;

import org.paperlens.index.IndexedPaper;
import org.paperlens.index.MarkedText;

/**
 * One result as shown to a person.
 *
 * @param score the final score in this mode (BM25, cosine, or fused), for ordering only
 * @param snippet abstract excerpt with the query's matches marked (rendered by whoever shows it)
 * @param pinned true when the query was this paper's exact id or title
 */
public record SearchHit(int rank, IndexedPaper paper, float score, MarkedText snippet, boolean pinned) {}
