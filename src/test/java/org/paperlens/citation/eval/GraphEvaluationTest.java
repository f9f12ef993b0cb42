package org.paperlens.citation.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.citation.graph.GraphFusion;
import org.paperlens.citation.graph.GraphRanker;
import org.paperlens.citation.graph.Weighting;
import org.paperlens.index.IndexHit;
import org.paperlens.paper.PaperId;

/**
 * Scoring by hand: a's hidden link is b; x1 and x2 cite both a and b (visible), so the graph puts b
 * first; the text ranking puts the known link x1 first, then c, then b.
 */
class GraphEvaluationTest {

  static PaperId id(String s) {
    return new PaperId(s);
  }

  static HeldOutLinks split() {
    List<CitationEdge> visible = List.of(new CitationEdge(id("x1"), id("a")), new CitationEdge(id("x1"), id("b")),
        new CitationEdge(id("x2"), id("a")), new CitationEdge(id("x2"), id("b")));
    return new HeldOutLinks(visible, Map.of(id("a"), Set.of(id("b")), id("b"), Set.of(id("a"))),
        Map.of(id("a"), Set.of(id("x1"), id("x2")), id("b"), Set.of(id("x1"), id("x2"))));
  }

  static List<IndexHit> text(PaperId q) {
    return q.equals(id("a"))
        ? List.of(new IndexHit(id("x1"), 1f), new IndexHit(id("c"), 0.9f), new IndexHit(id("b"), 0.6f))
        : List.of(new IndexHit(id("b"), 1f), new IndexHit(id("a"), 0.8f));
  }

  @Test
  void known_links_are_dropped_before_the_cut_and_trec_eval_arithmetic_applies() {
    GraphEvaluation eval = new GraphEvaluation(split(), GraphEvaluationTest::text);
    // for a: x1 is known, so c is rank 1 and b rank 2: nDCG = (1 / log2 3) / 1; for b: the paper itself is dropped
    GraphEvaluation.Score onlyA = eval.text(List.of(id("a")));
    assertThat(onlyA.ndcg()).isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-12));
    assertThat(onlyA.recall()).isEqualTo(1.0);
    GraphEvaluation.Score both = eval.text(List.of(id("a"), id("b")));
    assertThat(both.ndcg()).isCloseTo((0.6309297535714575 + 1) / 2, within(1e-12));
    assertThat(both.queries()).isEqualTo(2);
  }

  @Test
  void the_graph_finds_the_hidden_co_cited_paper_and_fusion_lifts_it() {
    GraphEvaluation eval = new GraphEvaluation(split(), GraphEvaluationTest::text);
    GraphRanker.Settings s = new GraphRanker.Settings(Weighting.COUNT, false);
    assertThat(eval.graph(List.of(id("a")), s).ndcg()).isEqualTo(1.0);
    // text for a after dropping x1: c 0.9, b 0.6 -> scaled c 1, b 0.667; graph b 1: fused b 0.7 × 0.667 + 0.3 = 0.767 > c 0.7
    assertThat(eval.fused(List.of(id("a")), s, new GraphFusion.WeightedSum(0.3)).ndcg()).isEqualTo(1.0);
    assertThat(eval.graph().edges()).isEqualTo(4);
  }
}
