package org.paperlens.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexChange;
import org.paperlens.index.IndexMissingException;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.VectorQuantization;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LiveIndex;
import org.paperlens.index.lucene.LuceneIndex;
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
  void an_index_built_with_another_vector_quantisation_asks_for_a_rebuild_and_the_rebuild_applies_it() throws Exception {
    Path root = tmp.resolve("index");
    IndexSettings int4 = IndexSettings.DEFAULT.withQuantization(VectorQuantization.INT4);
    try (CatalogueStore store = SearchFixture.catalogue(tmp.resolve("data"))) {
      SearchFixture.index(store, root);
      try (LuceneIndex asBuilt = SearchFixture.open(root)) {
        assertThat(asBuilt.currentFormat()).isTrue();
        assertThat(asBuilt.staleReason()).isEmpty();
      }
      try (LiveIndex live = LiveIndex.open(root, int4)) {
        assertThat(live.currentFormat()).isFalse();
        assertThat(live.staleReason()).contains("int8 vectors", "configured quantisation is int4");
        // Updates committed before the rebuild keep the index marked as built with int8.
        List<Paper> papers = new java.util.ArrayList<>();
        store.forEachLive(papers::add);
        Paper first = papers.getFirst();
        live.apply(List.of(new IndexChange.Put(first, SearchFixture.VECTORS.get(first.id().value()))), store.sequence() + 1);
        live.commit();
      }
      try (LiveIndex live = LiveIndex.open(root, int4)) {
        assertThat(live.currentFormat()).isFalse();
        // What serve's pipeline does with such an index: rebuild beside it, then switch.
        live.rebuild(store, id -> SearchFixture.VECTORS.get(id.value()), Progress.NONE);
        assertThat(live.switchIfRebuilt()).isTrue();
        assertThat(live.currentFormat()).isTrue();
        assertThat(live.nearest(SearchFixture.VECTORS.values().iterator().next(), Filters.NONE, 3)).isNotEmpty();
      }
      try (LuceneIndex rebuilt = LuceneIndex.open(root, int4); LuceneIndex asDefault = SearchFixture.open(root)) {
        assertThat(rebuilt.currentFormat()).isTrue();
        assertThat(asDefault.currentFormat()).isFalse();
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
