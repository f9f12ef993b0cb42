package org.paperlens.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Edges;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.graph.GraphVersion;
import org.paperlens.citation.map.CitationMaps;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Stores;

/** The paper page's citation panel stays the same object while nothing about its paper changed (the shared page is kept by identity). */
class PaperCitationsTest {

  static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

  static Work counted(PaperId id, int count) {
    return new Work(SourceName.OPENALEX, ExternalIds.NONE.withArxiv(Optional.of(id)), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(new CitationCount(count, Optional.empty(), LocalDate.of(2026, 12, 1))), List.of(),
        Optional.empty(), Edges.NOT_GIVEN, Edges.NOT_GIVEN, List.of());
  }

  @Test
  void a_write_about_another_paper_keeps_the_panel_and_one_about_this_paper_replaces_it(@TempDir Path dir) {
    try (Stores stores = new Stores(dir, Clock.systemUTC())) {
      CitationStore store = new CitationStore(stores.db);
      PaperId a = stores.paper("2501.00001", LocalDate.of(2025, 1, 1), "cs.LG");
      PaperId b = stores.paper("2501.00002", LocalDate.of(2025, 1, 1), "cs.LG");
      PaperCitations citations = new PaperCitations(store, stores.catalogue, new CitationMaps(store, stores.catalogue, id -> null, () -> GraphVersion.NONE),
          Clock.systemUTC());
      assertThat(citations.panel(a).isEmpty()).isTrue();
      store.record(a, counted(a, 5), AT, AT);
      PaperCitations.Panel first = citations.panel(a);
      assertThat(first.facts().count().orElseThrow().total()).isEqualTo(5);

      long before = store.generation();
      store.record(b, counted(b, 9), AT, AT);
      assertThat(store.generation()).isGreaterThan(before);
      assertThat(citations.panel(a)).isSameAs(first);

      store.record(a, counted(a, 6), AT, AT);
      assertThat(citations.panel(a)).isNotSameAs(first).satisfies(p -> assertThat(p.facts().count().orElseThrow().total()).isEqualTo(6));
    }
  }
}
