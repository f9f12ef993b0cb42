package org.paperlens.citation.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.paper.PaperId;

/**
 * The hiding protocol on a hand-made graph: p cites q1..q5, r cites s01..s10, and a1 cites
 * a2, b1, b2, b3, b4 while a2 cites a1 back (one link, owned by a1, the citing paper first in id order).
 */
class HeldOutLinksTest {

  static PaperId id(String s) {
    return new PaperId(s);
  }

  static List<CitationEdge> edges() {
    List<CitationEdge> out = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      out.add(new CitationEdge(id("p"), id("q" + i)));
    }
    for (int i = 1; i <= 10; i++) {
      out.add(new CitationEdge(id("r"), id(String.format("s%02d", i))));
    }
    for (String cited : new String[] {"a2", "b1", "b2", "b3", "b4"}) {
      out.add(new CitationEdge(id("a1"), id(cited)));
    }
    out.add(new CitationEdge(id("a2"), id("a1")));
    return out;
  }

  static int hiddenOf(HeldOutLinks split, String paper) {
    return split.hidden().getOrDefault(id(paper), Set.of()).size();
  }

  @Test
  void each_paper_hides_its_share_of_the_links_it_owns_on_every_seed() {
    for (long seed = 1; seed <= 50; seed++) {
      HeldOutLinks split = HeldOutLinks.split(edges(), 0.2, seed);
      // 20 % of 5 is 1, of 10 is 2, of a1's 5 links (a2 counted once though it cites back) is 1
      assertThat(hiddenOf(split, "p")).isEqualTo(1);
      assertThat(hiddenOf(split, "r")).isEqualTo(2);
      assertThat(hiddenOf(split, "a1")).isEqualTo(1);
      boolean mutualHidden = split.hidden().getOrDefault(id("a1"), Set.of()).contains(id("a2"));
      // 21 directed edges; a hidden link takes both directions of a1 <-> a2 with it
      assertThat(split.visible()).hasSize(21 - 4 - (mutualHidden ? 1 : 0));
      assertThat(split.queries()).hasSize(7); // p, r, a1 and the four papers at the other ends
    }
  }

  @Test
  void visible_edges_never_hold_a_hidden_link_in_either_direction_and_relevance_goes_both_ways() {
    boolean sawMutualHidden = false;
    for (long seed = 1; seed <= 50; seed++) {
      HeldOutLinks split = HeldOutLinks.split(edges(), 0.2, seed);
      Set<Set<PaperId>> visiblePairs = new HashSet<>();
      split.visible().forEach(e -> visiblePairs.add(Set.of(e.citing(), e.cited())));
      for (Map.Entry<PaperId, Set<PaperId>> h : split.hidden().entrySet()) {
        for (PaperId other : h.getValue()) {
          assertThat(visiblePairs).doesNotContain(Set.of(h.getKey(), other));
          assertThat(split.hidden().get(other)).contains(h.getKey());
          assertThat(split.linkedTo(h.getKey())).doesNotContain(other);
        }
      }
      sawMutualHidden |= split.hidden().getOrDefault(id("a2"), Set.of()).contains(id("a1"));
    }
    assertThat(sawMutualHidden).as("some seed hides the pair citing each other").isTrue();
  }

  @Test
  void a_fractional_share_is_hidden_with_the_probability_left_over() {
    List<CitationEdge> single = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      single.add(new CitationEdge(id(String.format("c%04d", i)), id(String.format("d%04d", i))));
    }
    int hidden = HeldOutLinks.split(single, 0.2, 7).queries().size() / 2;
    assertThat(hidden).isBetween(150, 250); // binomial(1000, 0.2): mean 200, sd 12.6
  }

  @Test
  void the_same_seed_hides_the_same_links_whatever_the_input_order() {
    List<CitationEdge> reversed = new ArrayList<>(edges());
    java.util.Collections.reverse(reversed);
    assertThat(HeldOutLinks.split(reversed, 0.2, 11).hidden()).isEqualTo(HeldOutLinks.split(edges(), 0.2, 11).hidden());
    assertThat(HeldOutLinks.split(edges(), 0, 11).hidden()).isEmpty();
    assertThat(HeldOutLinks.split(edges(), 1, 11).visible()).isEmpty();
  }

  @Test
  void the_halves_split_the_queries_without_overlap() {
    HeldOutLinks split = HeldOutLinks.split(edges(), 0.2, 3);
    List<List<PaperId>> halves = split.halves(3);
    assertThat(halves.get(0)).hasSize(4).doesNotContainAnyElementsOf(halves.get(1)); // 7 queries: 4 and 3
    assertThat(halves.get(1)).hasSize(3);
    Set<PaperId> union = new HashSet<>(halves.get(0));
    union.addAll(halves.get(1));
    assertThat(union).containsExactlyInAnyOrderElementsOf(split.queries());
    assertThat(split.halves(3)).isEqualTo(halves);
  }
}
