package org.paperlens.recommend;

import org.paperlens.index.IndexedPaper;

/** One recommended paper, its model score (higher is better; comparable within one result only) and why. */
public record Recommendation(int rank, IndexedPaper paper, double score, Explanation explanation) {}
