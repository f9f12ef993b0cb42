package org.paperlens.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.testing.Fixtures;

/** The evaluator over the hand-made queries and qrels, with retrievers written in the test. */
class EvaluatorTest {

  /*
   * Judged queries: 1 (doc-a=2, doc-b=1, doc-c=0) and 7 (doc-a=1); query 2 has no judgements.
   * This retriever answers every query with doc-b (score 2) then doc-a (score 1).
   *   Query 1: DCG = 1/log2(2) + 2/log2(3) = 1 + 1.2618595071429148 = 2.261859507142915;
   *     IDCG = 2/log2(2) + 1/log2(3) = 2.6309297535714578; nDCG = 0.8597186998521972.
   *     Recall@100 = 2/2 = 1; MRR@10 = 1 (doc-b, grade 1, is relevant).
   *   Query 7: doc-a at rank 2: nDCG = (1/log2(3)) / 1 = 0.6309297535714575; recall 1; MRR 1/2.
   *   Means: nDCG (0.8597186998521972 + 0.6309297535714575) / 2 = 0.7453242267118274,
   *     Recall 1, MRR 0.75.
   */
  private static final Retriever B_THEN_A = (text, k) -> List.of(new ScoredDoc("doc-a", 1), new ScoredDoc("doc-b", 2));

  @Test
  void every_judged_query_is_run_once_in_file_order_and_scored() throws IOException {
    List<String> asked = new ArrayList<>();
    Retriever recording = (text, k) -> {
      asked.add(text + " @" + k);
      return B_THEN_A.search(text, k);
    };

    Evaluation e = Evaluator.evaluate("keyword", recording, queries(), qrels(), 1000);

    assertThat(asked).containsExactly("Aspirin lowers the risk of heart attack. @1000",
        "Vitamin D prevents fractures in the elderly. @1000");
    assertThat(e.mode()).isEqualTo("keyword");
    assertThat(e.run().queryIds()).containsExactly("1", "7");
    assertThat(e.run().ranking("1")).extracting(ScoredDoc::docId).containsExactly("doc-b", "doc-a");
    assertThat(e.scores().of("1", Metric.NDCG_AT_10)).isCloseTo(0.8597186998521972, within(1e-12));
    assertThat(e.mean(Metric.NDCG_AT_10)).isCloseTo(0.7453242267118274, within(1e-12));
    assertThat(e.mean(Metric.RECALL_AT_100)).isEqualTo(1.0);
    assertThat(e.mean(Metric.MRR_AT_10)).isEqualTo(0.75);
  }

  @Test
  void the_same_retriever_gives_the_same_run() throws IOException {
    Evaluation first = Evaluator.evaluate("keyword", B_THEN_A, queries(), qrels(), 100);
    Evaluation second = Evaluator.evaluate("keyword", B_THEN_A, queries(), qrels(), 100);

    for (String q : first.run().queryIds()) {
      assertThat(second.run().ranking(q)).isEqualTo(first.run().ranking(q));
    }
  }

  @Test
  void a_retriever_that_finds_nothing_scores_zero_on_every_judged_query() throws IOException {
    Evaluation e = Evaluator.evaluate("empty", (text, k) -> List.of(), queries(), qrels(), 100);

    assertThat(e.scores().queryCount()).isEqualTo(2);
    for (Metric m : Metric.values()) {
      assertThat(e.mean(m)).isZero();
    }
  }

  @Test
  void a_depth_below_the_deepest_cutoff_is_refused_with_the_value() {
    assertThatThrownBy(() -> Evaluator.evaluate("keyword", B_THEN_A, queries(), qrels(), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("depth 10 is below 100");
  }

  @Test
  void a_retriever_breaking_its_contract_is_a_bug_named_by_mode_and_query() {
    Retriever twice = (text, k) -> List.of(new ScoredDoc("doc-a", 1), new ScoredDoc("doc-a", 0.5));
    Retriever tooMany = (text, k) -> {
      List<ScoredDoc> docs = new ArrayList<>();
      for (int i = 0; i <= k; i++) {
        docs.add(new ScoredDoc("d" + i, -i));
      }
      return docs;
    };

    assertThatThrownBy(() -> Evaluator.evaluate("semantic", twice, queries(), qrels(), 100))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mode semantic")
        .hasMessageContaining("document doc-a twice");
    assertThatThrownBy(() -> Evaluator.evaluate("hybrid", tooMany, queries(), qrels(), 100))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mode hybrid returned 101 documents for query 1 when asked for 100");
  }

  private static Queries queries() throws IOException {
    return Queries.read(Fixtures.path("eval/queries.jsonl"));
  }

  private static Qrels qrels() throws IOException {
    return Qrels.read(Fixtures.path("eval/qrels.tsv"));
  }
}
