package org.paperlens.citation.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paperlens.paper.PaperId;

/** The graph built from a stream of edges in any order, repeats and all, holds each edge once, both ways. */
class CitationGraphTest {

  @Test
  void edges_streamed_in_random_order_with_repeats_give_each_link_once_both_ways() {
    Random random = new Random(7);
    List<CitationEdge> edges = new ArrayList<>();
    Set<List<String>> distinct = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String a = "p" + random.nextInt(60);
      String b = "p" + random.nextInt(60);
      edges.add(new CitationEdge(new PaperId(a), new PaperId(b)));
      if (!a.equals(b)) {
        distinct.add(List.of(a, b));
      }
    }
    Collections.shuffle(edges, random);
    CitationGraph.Builder builder = new CitationGraph.Builder();
    edges.forEach(builder);
    CitationGraph g = builder.build();
    assertThat(g.edges()).isEqualTo(distinct.size());
    for (int p = 0; p < 60; p++) {
      PaperId id = new PaperId("p" + p);
      Set<PaperId> expected = new HashSet<>();
      for (List<String> e : distinct) {
        if (e.get(0).equals(id.value())) {
          expected.add(new PaperId(e.get(1)));
        }
        if (e.get(1).equals(id.value())) {
          expected.add(new PaperId(e.get(0)));
        }
      }
      assertThat(g.linked(id)).as(id.value()).isEqualTo(expected);
    }
    int node = g.node(new PaperId("p3")).getAsInt();
    for (int i = 1; i < g.citerCount(node); i++) {
      assertThat(g.citer(node, i)).isGreaterThan(g.citer(node, i - 1)); // sorted, no repeats: rankings are reproducible
    }
    assertThat(CitationGraph.of(edges).edges()).isEqualTo(g.edges());
  }
}
