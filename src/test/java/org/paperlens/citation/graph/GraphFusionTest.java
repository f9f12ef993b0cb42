package org.paperlens.citation.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.index.IndexHit;
import org.paperlens.paper.PaperId;

class GraphFusionTest {

  static final List<IndexHit> TEXT = List.of(hit("a", 1.0f), hit("b", 0.5f), hit("c", 0.25f));
  static final List<IndexHit> GRAPH = List.of(hit("c", 4f), hit("d", 2f));

  static IndexHit hit(String id, float score) {
    return new IndexHit(new PaperId(id), score);
  }

  static List<String> ids(List<IndexHit> hits) {
    return hits.stream().map(h -> h.id().value()).toList();
  }

  @Test
  void weighted_sum_scales_each_list_by_its_best_score() {
    List<IndexHit> fused = new GraphFusion.WeightedSum(0.3).fuse(TEXT, GRAPH, 10);
    // a 0.7; c 0.7 × 0.25 + 0.3 × 1 = 0.475; b 0.35; d 0.3 × 0.5 = 0.15
    assertThat(ids(fused)).containsExactly("a", "c", "b", "d");
    assertThat(fused.get(1).score()).isCloseTo(0.475f, within(1e-6f));
    assertThat(fused.get(3).score()).isCloseTo(0.15f, within(1e-6f));
  }

  @Test
  void reciprocal_rank_weighs_each_list() {
    List<IndexHit> fused = new GraphFusion.ReciprocalRank(60, 0.5).fuse(TEXT, GRAPH, 10);
    // c 0.5/63 + 0.5/61; a 0.5/61; b and d 0.5/62, in id order
    assertThat(ids(fused)).containsExactly("c", "a", "b", "d");
    assertThat(fused.get(0).score()).isCloseTo((float) (0.5 / 63 + 0.5 / 61), within(1e-7f));
  }

  @Test
  void an_empty_graph_list_leaves_the_text_ranking_as_it_was_and_k_cuts() {
    assertThat(ids(new GraphFusion.WeightedSum(0.3).fuse(TEXT, List.of(), 10))).containsExactly("a", "b", "c");
    assertThat(ids(new GraphFusion.ReciprocalRank(10, 0.3).fuse(TEXT, List.of(), 2))).containsExactly("a", "b");
    assertThat(ids(GraphFusion.DEFAULT.fuse(TEXT, GRAPH, 1))).hasSize(1);
  }

  @Test
  void bad_weights_are_refused_with_the_value() {
    assertThatThrownBy(() -> new GraphFusion.WeightedSum(1.5)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> new GraphFusion.ReciprocalRank(0, 0.5)).hasMessageContaining("rank constant");
    assertThatThrownBy(() -> new GraphFusion.WeightedSum(0.3).fuse(TEXT, GRAPH, 0)).hasMessageContaining("k");
  }
}
