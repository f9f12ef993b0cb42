package org.paperlens.citation.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paperlens.paper.PaperId;

/**
 * Co-citation, coupling and bridges on a graph small enough to count by hand:
 * x1 cites a, b, c; x2 cites a, b; x3 cites a, d; d cites e.
 */
class GraphRankerTest {

  static final double LN3 = Math.log(3);
  static final double LN4 = Math.log(4);

  static PaperId id(String s) {
    return new PaperId(s);
  }

  static CitationGraph graph() {
    List<CitationEdge> edges = new ArrayList<>();
    for (String[] e : new String[][] {{"x1", "a"}, {"x1", "b"}, {"x1", "c"}, {"x2", "a"}, {"x2", "b"}, {"x3", "a"},
        {"x3", "d"}, {"d", "e"}, {"x1", "a"}, {"a", "a"}}) { // the last two: a duplicate and a self-citation
      edges.add(new CitationEdge(id(e[0]), id(e[1])));
    }
    return CitationGraph.of(edges);
  }

  static List<String> ids(List<GraphNeighbour> ns) {
    return ns.stream().map(n -> n.id().value()).toList();
  }

  @Test
  void duplicates_and_self_citations_are_dropped_on_building() {
    CitationGraph g = graph();
    assertThat(g.edges()).isEqualTo(8);
    assertThat(g.papers()).isEqualTo(8);
    assertThat(g.linked(id("a"))).containsExactlyInAnyOrder(id("x1"), id("x2"), id("x3"));
    assertThat(g.linked(id("nobody"))).isEmpty();
  }

  @Test
  void co_citation_counts_the_papers_citing_both() {
    List<GraphNeighbour> ns = new GraphRanker(graph(), Weighting.COUNT, false).coCited(id("a"), 10);
    // b is cited with a by x1 and x2; c by x1; d by x3: c and d tie at 1 and go in id order
    assertThat(ids(ns)).containsExactly("b", "c", "d");
    assertThat(ns.get(0).coCitations()).isEqualTo(2);
    assertThat(ns.get(0).score()).isEqualTo(2.0);
    assertThat(ns.get(0).reason()).isEqualTo("cited together by 2 papers");
  }

  @Test
  void idf_weighting_counts_a_short_reference_list_for_more() {
    List<GraphNeighbour> ns = new GraphRanker(graph(), Weighting.IDF, false).coCited(id("a"), 10);
    // x1 cites 3 papers (1/ln 4 = 0.721), x2 and x3 cite 2 (1/ln 3 = 0.910): d now beats c
    assertThat(ids(ns)).containsExactly("b", "d", "c");
    assertThat(ns.get(0).score()).isCloseTo(1 / LN4 + 1 / LN3, within(1e-12));
    assertThat(ns.get(1).score()).isCloseTo(1 / LN3, within(1e-12));
    assertThat(ns.get(2).score()).isCloseTo(1 / LN4, within(1e-12));
  }

  @Test
  void cosine_divides_by_the_root_of_both_citer_counts() {
    List<GraphNeighbour> ns = new GraphRanker(graph(), Weighting.COSINE, false).coCited(id("a"), 10);
    // a has 3 citers, b 2, c and d 1 each
    assertThat(ns.get(0).score()).isCloseTo(2 / Math.sqrt(6), within(1e-12));
    assertThat(ns.get(1).score()).isCloseTo(1 / Math.sqrt(3), within(1e-12));
  }

  @Test
  void coupling_counts_shared_references() {
    List<GraphNeighbour> count = new GraphRanker(graph(), Weighting.COUNT, false).coupled(id("x1"), 10);
    assertThat(ids(count)).containsExactly("x2", "x3"); // x2 shares a and b, x3 shares a
    assertThat(count.get(0).sharedReferences()).isEqualTo(2);
    assertThat(count.get(0).reason()).isEqualTo("shares 2 references");
    List<GraphNeighbour> idf = new GraphRanker(graph(), Weighting.IDF, false).coupled(id("x1"), 10);
    // a is cited by 3 papers, b by 2
    assertThat(idf.get(0).score()).isCloseTo(1 / LN4 + 1 / LN3, within(1e-12));
    assertThat(idf.get(1).score()).isCloseTo(1 / LN4, within(1e-12));
    List<GraphNeighbour> cosine = new GraphRanker(graph(), Weighting.COSINE, false).coupled(id("x1"), 10);
    assertThat(cosine.get(0).score()).isCloseTo(2 / Math.sqrt(6), within(1e-12)); // 3 and 2 references
    assertThat(cosine.get(1).score()).isCloseTo(1 / Math.sqrt(6), within(1e-12)); // 3 and 2 references
  }

  @Test
  void bridges_add_papers_one_citation_beyond_a_reference() {
    GraphRanker without = new GraphRanker(graph(), Weighting.COUNT, false);
    GraphRanker with = new GraphRanker(graph(), Weighting.COUNT, true);
    // x3 shares a with x1 and x2; x3 cites d, which cites e
    assertThat(ids(without.neighbours(id("x3"), 10, Set.of()))).containsExactly("x1", "x2");
    List<GraphNeighbour> ns = with.neighbours(id("x3"), 10, Set.of());
    assertThat(ids(ns)).containsExactly("e", "x1", "x2");
    assertThat(ns.get(0).bridges()).isEqualTo(1);
    assertThat(ns.get(0).reason()).isEqualTo("linked by 1 citation chain through another paper");
    // and the other way round: e is cited by d, which x3 cites
    assertThat(ids(with.neighbours(id("e"), 10, Set.of()))).containsExactly("x3");
  }

  @Test
  void neighbours_sum_both_signals_leave_out_the_excluded_and_stop_at_k() {
    GraphRanker r = new GraphRanker(graph(), Weighting.COUNT, false);
    // b: co-cited with a twice; nothing shares a's (empty) reference list
    assertThat(ids(r.neighbours(id("a"), 10, Set.of(id("b"))))).containsExactly("c", "d");
    assertThat(ids(r.neighbours(id("a"), 1, Set.of()))).containsExactly("b");
    assertThat(r.neighbours(id("unknown"), 5, Set.of())).isEmpty();
  }

  @Test
  void a_paper_linking_more_than_the_fan_out_cap_is_not_walked_through() {
    for (int citers : new int[] {GraphRanker.MAX_FAN_OUT, GraphRanker.MAX_FAN_OUT + 1}) {
      List<CitationEdge> edges = new ArrayList<>();
      for (int i = 0; i < citers; i++) {
        edges.add(new CitationEdge(id("c" + i), id("hub")));
      }
      edges.add(new CitationEdge(id("c0"), id("t")));
      CitationGraph g = CitationGraph.of(edges);
      // c0 shares "hub" with every other citer, unless hub has more citers than the cap
      int expected = citers > GraphRanker.MAX_FAN_OUT ? 0 : citers - 1;
      assertThat(new GraphRanker(g, Weighting.COUNT, false).coupled(id("c0"), 20_000)).hasSize(expected);
    }
  }

  @Test
  void the_reason_names_every_kind_of_evidence() {
    assertThat(new GraphNeighbour(id("p"), 1, 12, 8, 0).reason()).isEqualTo("cited together by 12 papers; shares 8 references");
    assertThat(new GraphNeighbour(id("p"), 1, 1, 1, 2).reason())
        .isEqualTo("cited together by 1 paper; shares 1 reference; linked by 2 citation chains through another paper");
  }

  @Test
  void a_test_that_turns_most_of_the_best_away_still_gets_the_next_best_in_order() {
    // q1..q40: q_i is cited together with p by i papers, so the ranking is q40, q39, ..., q1
    List<CitationEdge> edges = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      for (int c = 0; c < i; c++) {
        edges.add(new CitationEdge(id("c" + c), id("p")));
        edges.add(new CitationEdge(id("c" + c), id(String.format("q%02d", i))));
      }
    }
    GraphRanker ranker = new GraphRanker(CitationGraph.of(edges), Weighting.COUNT, false);
    List<String> asked = new ArrayList<>();
    List<GraphNeighbour> ns = ranker.neighbours(id("p"), 2, q -> {
      asked.add(q.value());
      return q.value().compareTo("q10") <= 0;
    });
    assertThat(ids(ns)).containsExactly("q10", "q09");
    assertThat(ns.get(0).coCitations()).isEqualTo(10);
    assertThat(asked).startsWith("q40", "q39").contains("q10").doesNotContain("q08"); // best first, and no further than needed
  }
}
