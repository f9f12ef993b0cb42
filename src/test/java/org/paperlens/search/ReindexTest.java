package org.paperlens.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexBuilder;
import org.paperlens.index.IndexMissingException;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.LuceneIndex;
import org.paperlens.ingest.Progress;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

class ReindexTest {

  @TempDir Path tmp;

  @Test
  void searches_keep_using_the_old_index_until_the_new_one_is_published() throws Exception {
    Path root = tmp.resolve("index");
    try (CatalogueStore store = SearchFixture.catalogue(tmp.resolve("data"))) {
      SearchFixture.index(store, root);
      try (LuceneIndex before = SearchFixture.open(root)) {
        store.write(w -> {
          w.put(Paper.builder(new PaperId("2402.00001")).title("Late Arrival on Zebrafish Swimming")
              .categories(List.of("q-bio.NC")).source("test").build());
          return null;
        });
        IndexBuilder.Report report = SearchFixture.index(store, root);
        assertThat(report.papers()).isEqualTo(12);
        assertThat(report.withVector()).isEqualTo(11);

        // The index opened before the rebuild still answers, from its own (now unlinked) files.
        assertThat(before.size()).isEqualTo(11);
        assertThat(before.keyword("zebrafish", Filters.NONE, 5)).isEmpty();
        assertThat(before.keyword("diffusion", Filters.NONE, 5)).isNotEmpty();
        try (LuceneIndex after = SearchFixture.open(root)) {
          assertThat(after.size()).isEqualTo(12);
          assertThat(SearchFixture.ids(after.keyword("zebrafish", Filters.NONE, 5))).containsExactly("2402.00001");
        }
      }
      try (var dirs = Files.list(root)) {
        // The generation it replaced stays until the next publish (or a running server's switch):
        // a server may still be writing to it.
        assertThat(dirs.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("CURRENT", "gen-000001", "gen-000002");
      }
    }
  }

  @Test
  void a_build_that_died_before_publishing_leaves_the_old_index_in_service() throws Exception {
    Path root = tmp.resolve("index");
    try (CatalogueStore store = SearchFixture.catalogue(tmp.resolve("data"))) {
      SearchFixture.index(store, root);
      Path dead = Files.createDirectory(root.resolve("gen-000002"));
      Files.writeString(dead.resolve("_0.cfs"), "half-written garbage");
      try (LuceneIndex index = SearchFixture.open(root)) {
        assertThat(index.size()).isEqualTo(11);
      }
      SearchFixture.index(store, root); // the next build skips past the dead generation
      assertThat(Files.readString(root.resolve("CURRENT")).strip()).isEqualTo("gen-000003");
    }
  }

  @Test
  void opening_a_missing_index_says_how_to_build_one() {
    assertThatThrownBy(() -> LuceneIndex.open(tmp.resolve("nothing"), IndexSettings.DEFAULT))
        .isInstanceOf(IndexMissingException.class)
        .hasMessageContaining("paperlens reindex");
  }

  @Test
  void papers_deleted_at_the_source_are_not_indexed() throws Exception {
    Path root = tmp.resolve("index");
    try (CatalogueStore store = SearchFixture.catalogue(tmp.resolve("data"))) {
      store.write(w -> w.markDeleted(new PaperId("2401.00104"), java.time.LocalDate.parse("2024-05-01")));
      IndexBuilder.rebuild(store, IndexBuilder.VectorLookup.NONE, root, IndexSettings.DEFAULT, Progress.NONE);
      try (LuceneIndex index = SearchFixture.open(root)) {
        assertThat(index.size()).isEqualTo(10);
        assertThat(index.keyword("diffusion", Filters.NONE, 5)).isEmpty();
      }
    }
  }
}
