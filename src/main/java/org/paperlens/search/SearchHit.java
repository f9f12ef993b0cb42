package org.paperlens.search;

import org.paperlens.index.IndexedPaper;

/**
 * One result as shown to a person.
 *
 * @param score the final score in this mode (BM25, cosine, or fused), for ordering only
 * @param snippet abstract excerpt, HTML-escaped, with query matches in {@code <mark>}
 * @param pinned true when the query was this paper's exact id or title
 */
public record SearchHit(int rank, IndexedPaper paper, float score, String snippet, boolean pinned) {}
