package org.paperlens.citation.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Doi;
import org.paperlens.citation.Edges;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.graph.CitationGraph;
import org.paperlens.citation.graph.GraphVersion;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Stores;

/**
 * Maps built from a real {@link CitationStore} (SQLite, or PostgreSQL on the pom's second run): a
 * paper with 60 references and 25 citers, and a catalogue paper sharing five of its references.
 */
class CitationMapsTest {

  @TempDir
  static Path dir;
  static Stores stores;
  static CitationStore citations;
  static final PaperId HUB = new PaperId("2501.00001");
  static final PaperId COUPLED = new PaperId("2501.00002");
  static final PaperId ALONE = new PaperId("2501.00003");
  static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

  static LinkedWork external(int i) {
    return new LinkedWork(ExternalIds.NONE.withDoi(Optional.of(new Doi("10.1000/ref." + i))), Optional.of("Reference " + i),
        Optional.of(2000 + i % 20));
  }

  static Work work(PaperId id, List<LinkedWork> references, List<LinkedWork> citers) {
    return new Work(SourceName.OPENALEX, ExternalIds.NONE.withArxiv(Optional.of(id)), Optional.of("Title of " + id), Optional.of(2025),
        Optional.empty(), Optional.of(new CitationCount(citers.size(), Optional.empty(), LocalDate.of(2026, 12, 1))), List.of(),
        Optional.empty(), new Edges.Listed(references), new Edges.Listed(citers), List.of());
  }

  @BeforeAll
  static void store() {
    stores = new Stores(dir, Clock.systemUTC());
    citations = new CitationStore(stores.db);
    for (PaperId p : List.of(HUB, COUPLED, ALONE)) {
      stores.paper(p.value(), LocalDate.of(2025, 1, 10), "cs.LG");
    }
    List<LinkedWork> refs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      refs.add(external(i));
    }
    List<LinkedWork> citers = new ArrayList<>();
    for (int i = 10; i < 35; i++) {
      PaperId c = new PaperId("2502.000" + i);
      stores.paper(c.value(), LocalDate.of(2025, 2, 1), "cs.LG");
      citers.add(new LinkedWork(ExternalIds.NONE.withArxiv(Optional.of(c)), Optional.of("Citer " + i), Optional.of(2025)));
    }
    citations.record(HUB, work(HUB, refs, citers), AT, AT.plusSeconds(86_400));
    citations.record(COUPLED, work(COUPLED, refs.subList(0, 5), List.of()), AT, AT.plusSeconds(86_400));
  }

  @AfterAll
  static void close() {
    stores.close();
  }

  private static CitationMaps maps() {
    // The graph as it is now: what a server's CachedGraph settles to seconds after the last write.
    return new CitationMaps(citations, stores.catalogue, id -> null,
        () -> new GraphVersion(citations.generation(), CitationGraph.of(citations.edges())));
  }

  @Test
  void a_map_holds_at_most_forty_papers_the_paper_once_and_its_coupled_neighbour_with_the_reason() {
    CitationMap map = maps().of(HUB);
    assertThat(map.nodes()).hasSizeLessThanOrEqualTo(CitationMaps.MAX_NODES).hasSizeGreaterThan(30);
    assertThat(map.nodes().stream().filter(n -> n.kind() == CitationMap.Kind.SELF).map(CitationMap.Node::key))
        .containsExactly(HUB.value());
    assertThat(map.references()).isEqualTo(60);
    assertThat(map.citers()).isEqualTo(25);
    CitationMap.Node coupled = map.nodes().stream().filter(n -> n.key().equals(COUPLED.value())).findFirst().orElseThrow();
    assertThat(coupled.kind()).isEqualTo(CitationMap.Kind.NEIGHBOUR);
    assertThat(coupled.reason()).contains("shares 5 references");
    assertThat(map.nodes().stream().filter(n -> n.kind() == CitationMap.Kind.REFERENCE))
        .allSatisfy(n -> {
          assertThat(n.paper()).isEmpty();
          assertThat(n.title()).startsWith("Reference ");
          assertThat(n.ids().doi()).isPresent();
        });
    assertThat(map.nodes().stream().filter(n -> n.kind() == CitationMap.Kind.CITER))
        .allSatisfy(n -> assertThat(n.paper()).isPresent()).isNotEmpty();
  }

  @Test
  void the_map_is_the_same_every_time_and_from_a_fresh_builder() {
    CitationMap first = maps().of(HUB);
    assertThat(maps().of(HUB)).isEqualTo(first);
    CitationMaps one = maps();
    assertThat(one.of(HUB)).isEqualTo(one.of(HUB)).isEqualTo(first);
  }

  @Test
  void circles_stay_in_the_box_overlap_by_less_than_a_pixel_and_edges_join_nodes_on_the_map() {
    CitationMap map = maps().of(HUB);
    List<CitationMap.Node> nodes = map.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      CitationMap.Node a = nodes.get(i);
      assertThat(a.x() - a.radius()).isGreaterThanOrEqualTo(0);
      assertThat(a.x() + a.radius()).isLessThanOrEqualTo(map.width());
      assertThat(a.y() - a.radius()).isGreaterThanOrEqualTo(0);
      assertThat(a.y() + a.radius()).isLessThanOrEqualTo(map.height());
      for (int j = i + 1; j < nodes.size(); j++) {
        CitationMap.Node b = nodes.get(j);
        assertThat(Math.hypot(a.x() - b.x(), a.y() - b.y())).as("%s and %s", a.key(), b.key())
            .isGreaterThan(a.radius() + b.radius() - 1);
      }
    }
    Set<String> keys = new HashSet<>();
    nodes.forEach(n -> keys.add(n.key()));
    assertThat(map.edges()).isNotEmpty().allSatisfy(e -> assertThat(keys).contains(e.citing(), e.cited()));
    assertThat(map.edges()).contains(new CitationMap.Edge("2502.00010", HUB.value()));
  }

  @Test
  void a_citation_stored_after_a_map_was_drawn_is_on_the_next_map_of_the_same_builder() {
    CitationMaps maps = maps();
    assertThat(maps.of(COUPLED).nodes()).noneMatch(n -> n.kind() == CitationMap.Kind.CITER);
    PaperId later = new PaperId("2501.00004");
    stores.paper(later.value(), LocalDate.of(2025, 3, 1), "cs.LG");
    citations.record(later, work(later, List.of(new LinkedWork(ExternalIds.NONE.withArxiv(Optional.of(COUPLED)), Optional.empty(),
        Optional.empty())), List.of()), AT, AT.plusSeconds(86_400));
    assertThat(maps.of(COUPLED).nodes()).filteredOn(n -> n.kind() == CitationMap.Kind.CITER).extracting(CitationMap.Node::key)
        .containsExactly(later.value());
    assertThat(maps.of(COUPLED).edges()).contains(new CitationMap.Edge(later.value(), COUPLED.value()));
  }

  @Test
  void a_paper_no_stored_citation_touches_has_an_empty_map_of_itself() {
    CitationMap map = maps().of(ALONE);
    assertThat(map.isEmpty()).isTrue();
    assertThat(map.nodes()).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(CitationMap.Kind.SELF);
      assertThat(n.title()).isEqualTo("Title of " + ALONE.value());
    });
    assertThat(map.edges()).isEmpty();
  }
}
