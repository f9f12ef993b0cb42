package org.paperlens.eval;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric arithmetic, line for line as {@code trec_eval} 9.0.x does it ({@code m_ndcg_cut.c},
 * {@code m_recall.c}, {@code m_recip_rank.c} with the default relevance level 1).
 *
 * <p>Per query: a document is relevant when its grade is at least 1; an unjudged document is not
 * relevant and gains nothing; rankings are taken as given (a {@link Run} is already in
 * {@code trec_eval}'s order).
 *
 * <p>Averaging ({@link #score}): the mean is over every query in the qrels, i.e. every query with
 * at least one judgement line; queries of the run without judgements are ignored. A judged query
 * absent from the run (or with an empty ranking) scores 0 on every metric and still counts: that
 * is {@code trec_eval -c}. Plain {@code trec_eval} and BEIR's pytrec_eval would leave such a query
 * out, flattering a system that returns nothing for hard queries; when every judged query has a
 * ranking (the evaluator always runs every one) the two agree. A query whose judgements are all
 * 0 has no relevant document: {@code trec_eval} still evaluates it and scores it 0 (nDCG stays an
 * unnormalised 0, recall returns 0 when nothing is relevant), and so does this class.
 */
public final class Metrics {

  private Metrics() {}

  /**
   * nDCG at {@code k}: DCG = sum over ranks r = 1..k of grade / log2(r + 1), counting grades above
   * 0 only; divided by the ideal DCG of this query's judged grades above 0 sorted best first and
   * cut at {@code k}. 0 when nothing is relevant.
   */
  public static double ndcg(List<ScoredDoc> ranking, Map<String, Integer> judgements, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      int gain = judgements.getOrDefault(ranking.get(i).docId(), 0);
      if (gain > 0) {
        dcg += gain / log2(i + 2);
      }
    }
    int[] ideal = judgements.values().stream().filter(g -> g > 0)
        .sorted((a, b) -> Integer.compare(b, a)).mapToInt(Integer::intValue).limit(k).toArray();
    double idealDcg = 0;
    for (int i = 0; i < ideal.length; i++) {
      idealDcg += ideal[i] / log2(i + 2);
    }
    return idealDcg > 0 ? dcg / idealDcg : dcg;
  }

  /** Recall at {@code k}: relevant documents in the top {@code k} over all relevant ones; 0 when none is relevant. */
  public static double recall(List<ScoredDoc> ranking, Map<String, Integer> judgements, int k) {
    long relevant = judgements.values().stream().filter(Metrics::isRelevant).count();
    if (relevant == 0) {
      return 0;
    }
    long found = ranking.stream().limit(k)
        .filter(d -> isRelevant(judgements.getOrDefault(d.docId(), 0))).count();
    return (double) found / relevant;
  }

  /** 1 / rank of the first relevant document within the top {@code k}; 0 when there is none. */
  public static double reciprocalRank(List<ScoredDoc> ranking, Map<String, Integer> judgements, int k) {
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      if (isRelevant(judgements.getOrDefault(ranking.get(i).docId(), 0))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /** Every metric for every judged query, and their means (see the class comment for which queries count). */
  public static Scores score(Run run, Qrels qrels) {
    Map<String, Map<Metric, Double>> perQuery = new LinkedHashMap<>();
    for (String query : qrels.queryIds()) {
      Map<Metric, Double> values = new EnumMap<>(Metric.class);
      for (Metric m : Metric.values()) {
        values.put(m, m.of(run.ranking(query), qrels.judgements(query)));
      }
      perQuery.put(query, values);
    }
    return new Scores(perQuery);
  }

  private static boolean isRelevant(int grade) {
    return grade >= 1;
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
