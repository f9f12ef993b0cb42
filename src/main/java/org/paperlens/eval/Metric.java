package org.paperlens.eval;

import java.util.List;
import java.util.Map;

/** The relevance metrics paperlens reports, each tied to the {@code trec_eval} measure it equals. */
public enum Metric {

  /** {@code trec_eval -m ndcg_cut.10}: the headline number of BEIR. */
  NDCG_AT_10("nDCG@10", "ndcg_cut_10", 10),
  /** {@code trec_eval -m recall.100}: what a re-ranker could still reach. */
  RECALL_AT_100("Recall@100", "recall_100", 100),
  /** {@code trec_eval -m recip_rank} over the top 10 only (BEIR's MRR@10). */
  MRR_AT_10("MRR@10", "recip_rank@10", 10);

  private final String label;
  private final String trecEvalName;
  private final int cutoff;

  Metric(String label, String trecEvalName, int cutoff) {
    this.label = label;
    this.trecEvalName = trecEvalName;
    this.cutoff = cutoff;
  }

  /** The name in tables and reports, e.g. {@code nDCG@10}. */
  public String label() {
    return label;
  }

  /** The name {@code trec_eval} prints for the same number. */
  public String trecEvalName() {
    return trecEvalName;
  }

  /** How deep in the ranking the metric looks. */
  public int cutoff() {
    return cutoff;
  }

  /** The deepest cutoff of all metrics: a retriever asked for fewer would be measured unfairly. */
  public static int deepestCutoff() {
    int deepest = 0;
    for (Metric m : values()) {
      deepest = Math.max(deepest, m.cutoff);
    }
    return deepest;
  }

  /** This metric for one query's ranking (best first) and that query's judgements. */
  public double of(List<ScoredDoc> ranking, Map<String, Integer> judgements) {
    return switch (this) {
      case NDCG_AT_10 -> Metrics.ndcg(ranking, judgements, cutoff);
      case RECALL_AT_100 -> Metrics.recall(ranking, judgements, cutoff);
      case MRR_AT_10 -> Metrics.reciprocalRank(ranking, judgements, cutoff);
    };
  }
}
