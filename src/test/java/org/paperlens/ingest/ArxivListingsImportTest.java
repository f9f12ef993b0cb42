package org.paperlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.ingest.TestInputs.importPaths;
import static org.paperlens.ingest.TestInputs.shared;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.TestDatabase;

/** The real daily-listing file from {@code ../shared/data/arxiv-cs-listings}: 74,728 papers, gzipped. */
class ArxivListingsImportTest {

  @Test
  void every_listed_paper_is_added_once_and_a_second_import_changes_nothing(@TempDir Path dataDir)
      throws Exception {
    Path listings = shared("arxiv-cs-listings/arxiv-cs-2025-03-to-2026-07.jsonl.gz");
    try (CatalogueStore store = TestDatabase.catalogue(dataDir)) {
      ImportReport first = importPaths(store, listings);
      ImportReport again = importPaths(store, listings);

      assertThat(first.read()).isEqualTo(74_728);
      assertThat(first.added()).isEqualTo(74_728);
      assertThat(first.skipped()).isZero();
      assertThat(again.unchanged()).isEqualTo(again.read()).isEqualTo(74_728);

      Paper p = store.find(new PaperId("2503.11742")).orElseThrow();
      assertThat(p.title()).isEqualTo("Safe Vision-Language Models via Unsafe Weights Manipulation");
      assertThat(p.authors()).startsWith("Moreno D'Incà", "Elia Peruzzo").hasSize(6);
      assertThat(p.categories()).containsExactly("cs.CV", "cs.AI");
      assertThat(p.comment()).isEqualTo("Work in progress");
      assertThat(p.firstListed()).isEqualTo(LocalDate.of(2025, 3, 18));
      assertThat(p.source()).isEqualTo("arxiv-listing");
    }
  }
}
