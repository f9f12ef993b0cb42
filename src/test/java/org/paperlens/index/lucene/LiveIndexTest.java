package org.paperlens.index.lucene;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexChange;
import org.paperlens.index.IndexCoverage;
import org.paperlens.index.IndexSettings;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

/** The live index: in-place updates become searchable on refresh and durable, with their watermark, on commit. */
class LiveIndexTest {

  @TempDir Path tmp;

  private static Paper paper(String id, String title) {
    return Paper.builder(new PaperId(id)).version(1).title(title).abstractText("We study " + title.toLowerCase() + ".")
        .authors(List.of("Ada Lovelace")).categories(List.of("cs.CL")).firstListed(LocalDate.of(2026, 7, 1)).source("test").build();
  }

  @Test
  void a_paper_put_in_place_is_searchable_after_a_refresh_and_survives_a_reopen_with_its_watermark() {
    Path root = tmp.resolve("index");
    try (LiveIndex index = LiveIndex.open(root, IndexSettings.DEFAULT)) {
      assertThat(index.coverage()).isEqualTo(IndexCoverage.NONE);
      index.apply(List.of(new IndexChange.Put(paper("2607.00001", "Sparse attention for long documents"), null)), 7);
      assertThat(index.keyword("sparse attention", Filters.NONE, 5)).as("not before a refresh").isEmpty();
      IndexCoverage after = index.refresh();
      assertThat(after.seq()).isEqualTo(7);
      assertThat(after.papers()).isEqualTo(1);
      assertThat(after.withVector()).isZero();
      assertThat(index.keyword("sparse attention", Filters.NONE, 5)).extracting(h -> h.id().value()).containsExactly("2607.00001");
      index.commit();
      index.apply(List.of(new IndexChange.Put(paper("2607.00002", "Dense retrieval"), null)), 9);
    } // closing commits what was applied
    try (LuceneIndex reopened = LuceneIndex.open(root, IndexSettings.DEFAULT)) {
      assertThat(reopened.coverage().seq()).isEqualTo(9);
      assertThat(reopened.keyword("dense retrieval", Filters.NONE, 5)).extracting(h -> h.id().value()).containsExactly("2607.00002");
    }
    try (LiveIndex index = LiveIndex.open(root, IndexSettings.DEFAULT)) {
      index.apply(List.of(new IndexChange.Remove(new PaperId("2607.00001"))), 10);
      index.refresh();
      assertThat(index.keyword("sparse attention", Filters.NONE, 5)).isEmpty();
      assertThat(index.coverage().papers()).isEqualTo(1);
    }
  }

  @Test
  void a_published_rebuild_is_switched_to_without_a_restart_and_the_old_generation_removed() throws Exception {
    Path root = tmp.resolve("index");
    try (LiveIndex index = LiveIndex.open(root, IndexSettings.DEFAULT);
        org.paperlens.paper.CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"))) {
      index.apply(List.of(new IndexChange.Put(paper("2607.00001", "Sparse attention for long documents"), null)), 1);
      index.refresh();
      java.util.List<Path> before;
      try (var dirs = java.nio.file.Files.list(root)) {
        before = dirs.filter(java.nio.file.Files::isDirectory).toList();
      }
      store.write(w -> {
        w.put(paper("2607.00002", "Dense retrieval for everyone"));
        return null;
      });
      IndexBuilder.rebuild(store, IndexBuilder.VectorLookup.NONE, root, IndexSettings.DEFAULT, org.paperlens.common.Progress.NONE);
      assertThat(index.keyword("dense retrieval", Filters.NONE, 5)).as("still the old generation").isEmpty();
      assertThat(index.switchIfRebuilt()).isTrue();
      assertThat(index.keyword("dense retrieval", Filters.NONE, 5)).extracting(h -> h.id().value()).containsExactly("2607.00002");
      assertThat(index.coverage().seq()).isEqualTo(store.sequence());
      assertThat(index.switchIfRebuilt()).as("nothing new to switch to").isFalse();
      try (var dirs = java.nio.file.Files.list(root)) {
        assertThat(dirs.filter(java.nio.file.Files::isDirectory).toList()).doesNotContainAnyElementsOf(before).hasSize(1);
      }
    }
  }
}
