package org.paperlens.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.VectorLookup;
import org.paperlens.index.VectorQuantization;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LiveIndex;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.TestDatabase;

/** The index stage of the pipeline, one step at a time, on a real catalogue and live index. */
class IndexStageTest {

  @TempDir Path tmp;
  private final List<String> log = new ArrayList<>();
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-07-01T12:00:00Z"));

  private static Paper paper(String id, String title) {
    return Paper.builder(new PaperId(id)).version(1).title(title).abstractText("We study " + title.toLowerCase() + ".")
        .authors(List.of("Ada Lovelace")).categories(List.of("cs.CL")).firstListed(LocalDate.of(2026, 7, 1)).source("test").build();
  }

  private static void put(CatalogueStore store, Paper p) {
    store.write(w -> {
      w.put(p);
      return null;
    });
  }

  private IndexStage stage(CatalogueStore store, LiveIndex index) {
    return new IndexStage(store, index, EmbeddingModel.BGE_SMALL_EN_V15_Q, Duration.ofSeconds(30), log::add, now::get);
  }

  private static List<String> found(LiveIndex index, String query) {
    return index.keyword(query, Filters.NONE, 5).stream().map(h -> h.id().value()).toList();
  }

  @Test
  void a_paper_new_in_the_catalogue_is_searchable_after_one_step_and_durable_once_the_commit_interval_has_passed() throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"));
        LiveIndex index = LiveIndex.open(tmp.resolve("index"), IndexSettings.DEFAULT)) {
      IndexStage stage = stage(store, index);
      put(store, paper("2607.00001", "Sparse attention for long documents"));
      stage.step();
      assertThat(found(index, "sparse attention")).containsExactly("2607.00001");
      assertThat(stage.catalogueSeq()).isEqualTo(store.sequence());
      assertThat(index.appliedSeq()).isEqualTo(store.sequence());
      assertThat(index.durableSeq()).as("not committed before the interval").isLessThan(index.appliedSeq());

      now.set(now.get().plusSeconds(29));
      stage.step();
      assertThat(index.durableSeq()).isLessThan(index.appliedSeq());
      now.set(now.get().plusSeconds(1));
      stage.step();
      assertThat(index.durableSeq()).isEqualTo(index.appliedSeq());

      store.write(w -> {
        w.put(paper("2607.00002", "Dense retrieval for everyone"));
        return null;
      });
      stage.step();
      assertThat(found(index, "dense retrieval")).containsExactly("2607.00002");
    }
  }

  @Test
  void an_index_of_another_layout_is_rebuilt_once_and_switched_to_while_it_stays_searchable() throws Exception {
    Path root = tmp.resolve("index");
    try (CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"))) {
      put(store, paper("2607.00001", "Sparse attention for long documents"));
      IndexBuilder.rebuild(CatalogueSource.of(store, VectorLookup.NONE), root, IndexSettings.DEFAULT, Progress.NONE);
      put(store, paper("2607.00002", "Dense retrieval for everyone"));
      IndexSettings other = IndexSettings.DEFAULT.withQuantization(VectorQuantization.INT4);
      try (LiveIndex index = LiveIndex.open(root, other)) {
        assertThat(index.currentFormat()).isFalse();
        IndexStage stage = stage(store, index);
        stage.step();
        assertThat(log).anySatisfy(l -> assertThat(l).contains("rebuilding it in the background"))
            .anySatisfy(l -> assertThat(l).startsWith("switched to the rebuilt search index (2 papers)"));
        assertThat(index.currentFormat()).isTrue();
        assertThat(found(index, "dense retrieval")).containsExactly("2607.00002");
        log.clear();
        stage.step();
        assertThat(log).as("rebuilt once").isEmpty();
      }
    }
  }
}
