package org.paperlens.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The metrics against values worked out by hand, following trec_eval 9.0.x (m_ndcg_cut.c,
 * m_recall.c, m_recip_rank.c) step by step in the comments.
 */
class MetricsTest {

  private static final Offset<Double> EXACT = within(1e-12);

  /*
   * q1 judgements: d1=2, d2=1, d3=0 (judged, not relevant), d4=1. Relevant: d1, d2, d4 (3).
   * q1 run (scores): d3 0.9, d1 0.8, dX 0.8 (unjudged, tied with d1), d2 0.5, d5 0.1 (unjudged).
   *   The tie goes to the larger id, as trec_eval sorts: "dX" > "d1" ('X' = 88 > '1' = 49).
   *   Ranking: 1 d3, 2 dX, 3 d1, 4 d2, 5 d5.
   *   DCG@10  = 2/log2(3+1) + 1/log2(4+1) = 1 + 0.4306765580733931 = 1.4306765580733931
   *   IDCG@10 = grades 2,1,1 at ranks 1..3 = 2/log2(2) + 1/log2(3) + 1/log2(4)
   *           = 2 + 0.6309297535714574 + 0.5 = 3.1309297535714578
   *   nDCG@10 = 1.4306765580733931 / 3.1309297535714578 = 0.4569494273838043
   *   Recall@100 = {d1, d2} of {d1, d2, d4} = 2/3.   MRR@10 = first relevant at rank 3 = 1/3.
   * q2 judgements: d7=1. Run: ten unjudged documents, then d7 at rank 11.
   *   nDCG@10 = 0 (d7 is past the cutoff).   Recall@100 = 1/1 = 1.
   *   MRR@10 = 0 (trec_eval's uncut recip_rank would say 1/11).
   * q3 judgements: d8=0 only, nothing relevant. Run: d8.
   *   Everything is 0, and the query still counts in the mean (trec_eval evaluates it too).
   * q4 judgements: d9=1, but the run has no ranking for q4: everything 0, counted (trec_eval -c).
   * q5 has a ranking but no judgements: not scored at all.
   * Means over q1..q4: nDCG@10 = 0.4569494273838043 / 4 = 0.11423735684595107,
   *   Recall@100 = (2/3 + 1 + 0 + 0) / 4 = 0.41666666666666663, MRR@10 = (1/3) / 4 = 1/12.
   */
  private static Qrels qrels() {
    Map<String, Map<String, Integer>> j = new LinkedHashMap<>();
    j.put("q1", Map.of("d1", 2, "d2", 1, "d3", 0, "d4", 1));
    j.put("q2", Map.of("d7", 1));
    j.put("q3", Map.of("d8", 0));
    j.put("q4", Map.of("d9", 1));
    return Qrels.of(j);
  }

  private static Run run() {
    List<ScoredDoc> q2 = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      q2.add(new ScoredDoc("u" + i, 10 - i));
    }
    q2.add(new ScoredDoc("d7", 0.5));
    return Run.of(Map.of(
        "q1", List.of(new ScoredDoc("d5", 0.1), new ScoredDoc("d1", 0.8), new ScoredDoc("d3", 0.9),
            new ScoredDoc("d2", 0.5), new ScoredDoc("dX", 0.8)),
        "q2", q2,
        "q3", List.of(new ScoredDoc("d8", 1)),
        "q5", List.of(new ScoredDoc("d1", 1))));
  }

  @Test
  void graded_gains_ties_and_unjudged_documents_give_the_hand_computed_values() {
    Scores s = Metrics.score(run(), qrels());

    assertThat(s.of("q1", Metric.NDCG_AT_10)).isCloseTo(0.4569494273838043, EXACT);
    assertThat(s.of("q1", Metric.RECALL_AT_100)).isCloseTo(2.0 / 3, EXACT);
    assertThat(s.of("q1", Metric.MRR_AT_10)).isCloseTo(1.0 / 3, EXACT);
  }

  @Test
  void a_relevant_document_below_the_cutoff_counts_for_recall_only() {
    Scores s = Metrics.score(run(), qrels());

    assertThat(s.of("q2", Metric.NDCG_AT_10)).isZero();
    assertThat(s.of("q2", Metric.RECALL_AT_100)).isEqualTo(1.0);
    assertThat(s.of("q2", Metric.MRR_AT_10)).isZero();
  }

  @Test
  void judged_queries_without_relevant_documents_or_without_a_ranking_score_zero_and_count() {
    Scores s = Metrics.score(run(), qrels());

    assertThat(s.queryIds()).containsExactly("q1", "q2", "q3", "q4");
    for (String q : List.of("q3", "q4")) {
      for (Metric m : Metric.values()) {
        assertThat(s.of(q, m)).as(q + " " + m).isZero();
      }
    }
  }

  @Test
  void means_are_over_every_judged_query_and_ignore_unjudged_ones() {
    Scores s = Metrics.score(run(), qrels());

    assertThat(s.queryCount()).isEqualTo(4);
    assertThat(s.mean(Metric.NDCG_AT_10)).isCloseTo(0.11423735684595107, EXACT);
    assertThat(s.mean(Metric.RECALL_AT_100)).isCloseTo(0.41666666666666663, EXACT);
    assertThat(s.mean(Metric.MRR_AT_10)).isCloseTo(1.0 / 12, EXACT);
  }

  /*
   * Twelve documents of grade 1: the ideal ranking is cut at 10 as the actual one is, so a ranking
   * with ten relevant documents on top is perfect: DCG@10 = IDCG@10 = sum of 1/log2(r+1), r = 1..10.
   */
  @Test
  void the_ideal_ranking_is_cut_at_the_same_depth_so_ten_relevant_on_top_is_perfect() {
    Map<String, Integer> judged = new LinkedHashMap<>();
    List<ScoredDoc> ranking = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      judged.put("r" + i, 1);
    }
    for (int i = 0; i < 10; i++) {
      ranking.add(new ScoredDoc("r" + i, 100 - i));
    }

    assertThat(Metrics.ndcg(ranking, judged, 10)).isCloseTo(1.0, EXACT);
    assertThat(Metrics.recall(ranking, judged, 100)).isCloseTo(10.0 / 12, EXACT);
  }

  /*
   * Grades 3 and 1, retrieved in the wrong order: DCG = 1/log2(2) + 3/log2(3) = 1 + 1.8927892607143724
   * = 2.8927892607143724; IDCG = 3/log2(2) + 1/log2(3) = 3 + 0.6309297535714574 = 3.6309297535714578;
   * nDCG = 0.7967075809905066.
   */
  @Test
  void higher_grades_gain_more_so_swapping_them_costs() {
    Map<String, Integer> judged = Map.of("a", 3, "b", 1);
    List<ScoredDoc> ranking = List.of(new ScoredDoc("b", 2), new ScoredDoc("a", 1));

    assertThat(Metrics.ndcg(ranking, judged, 10)).isCloseTo(0.7967075809905066, EXACT);
  }
}
