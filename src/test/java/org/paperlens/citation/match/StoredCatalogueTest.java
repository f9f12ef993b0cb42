package org.paperlens.citation.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.citation.Doi;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.match.Resolution.Resolved;
import org.paperlens.citation.match.Resolution.Via;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.TestDatabase;

/** The matcher over a real catalogue (SQLite, and PostgreSQL on the pom's second run); the title index's memory in StoredCatalogueMemoryTest. */
class StoredCatalogueTest {

  @TempDir Path tmp;

  @Test
  void references_resolve_by_arxiv_id_doi_and_title_with_year_and_a_new_paper_by_title_once_added_or_rebuilt() {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      put(store, paper("2503.00001", "Attention Is All You Need, Again", "2025-03-01", null));
      put(store, paper("2503.00002", "A Journal Paper About Graphs", "2025-03-02", "10.1103/PhysRevD.1.1"));
      AtomicLong nanos = new AtomicLong();
      StoredCatalogue catalogueLookup = new StoredCatalogue(store, nanos::get);
      ReferenceMatcher matcher = new ReferenceMatcher(catalogueLookup);

      assertThat(matcher.resolve(ref(Optional.of(new PaperId("2503.00001")), Optional.empty(), null, null)))
          .isEqualTo(new Resolved(new PaperId("2503.00001"), Via.ARXIV_ID));
      assertThat(matcher.resolve(ref(Optional.empty(), Doi.parse("10.1103/physrevd.1.1"), null, null)))
          .isEqualTo(new Resolved(new PaperId("2503.00002"), Via.DOI));
      assertThat(matcher.resolve(ref(Optional.empty(), Optional.empty(), "{Attention} is all you need, again!", 2026)))
          .isEqualTo(new Resolved(new PaperId("2503.00001"), Via.TITLE_YEAR));
      assertThat(matcher.resolve(ref(Optional.empty(), Optional.empty(), "Attention Is All You Need, Again", 2020)))
          .as("years too far apart").isInstanceOf(Resolution.Unresolved.class);

      put(store, paper("2503.00003", "A Paper That Arrived Later", "2025-03-03", null));
      LinkedWork late = ref(Optional.empty(), Optional.empty(), "A paper that arrived later", 2025);
      assertThat(matcher.resolve(late)).as("not yet in the title index").isInstanceOf(Resolution.Unresolved.class);
      nanos.addAndGet(StoredCatalogue.CHECK_EVERY_NANOS);
      assertThat(matcher.resolve(late)).as("rebuilt").isEqualTo(new Resolved(new PaperId("2503.00003"), Via.TITLE_YEAR));

      Paper fourth = paper("2503.00004", "The Fourth Paper Of This Test", "2025-03-04", null);
      put(store, fourth);
      catalogueLookup.add(fourth);
      catalogueLookup.add(fourth);
      assertThat(catalogueLookup.byTitle(TitleKey.of("the fourth paper of this test").orElseThrow()))
          .as("added at once, and once").containsExactly(new CatalogueLookup.TitledPaper(fourth.id(), Optional.of(2025)));
    }
  }

  private static LinkedWork ref(Optional<PaperId> arxiv, Optional<Doi> doi, String title, Integer year) {
    return new LinkedWork(new ExternalIds(doi, arxiv, Optional.empty(), Optional.empty()), Optional.ofNullable(title),
        Optional.ofNullable(year));
  }

  private static Paper paper(String id, String title, String submitted, String doi) {
    return Paper.builder(new PaperId(id)).title(title).submitted(LocalDate.parse(submitted)).doi(doi).source("test").build();
  }

  private static void put(CatalogueStore store, Paper p) {
    store.write(w -> {
      w.put(p);
      return null;
    });
  }
}
