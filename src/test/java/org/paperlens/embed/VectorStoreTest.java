package org.paperlens.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.TestDatabase;

class VectorStoreTest {

  private static final EmbeddingModel BGE = EmbeddingModel.BGE_SMALL_EN_V15_Q;

  @TempDir Path tmp;
  private CatalogueStore catalogue;
  private VectorStore vectors;

  @BeforeEach
  void open() {
    catalogue = TestDatabase.catalogue(tmp);
    vectors = new VectorStore(catalogue);
  }

  @AfterEach
  void close() {
    if (catalogue != null) { // null when there was no PostgreSQL to open it on: the test is skipped
      catalogue.close();
    }
  }

  private void putPaper(String id, String title, String abstractText) {
    catalogue.write(w -> {
      w.put(Paper.builder(new PaperId(id)).title(title).abstractText(abstractText).source("test").build());
      return null;
    });
  }

  private static float[] vector(float first) {
    float[] v = new float[384];
    v[0] = first;
    v[383] = -first;
    return v;
  }

  private List<PaperId> stale(EmbeddingModel model) {
    List<PaperId> ids = new ArrayList<>();
    vectors.forEachStale(model, s -> ids.add(s.id()));
    return ids;
  }

  @Test
  void vectors_are_stored_as_little_endian_float32_and_read_back() {
    putPaper("2401.00001", "A", "B");
    vectors.put(BGE, List.of(new PaperVector(new PaperId("2401.00001"), vector(0.5f), "h")));

    PaperVector back = vectors.find(new PaperId("2401.00001"), BGE).orElseThrow();
    assertThat(back.vector()).containsExactly(vector(0.5f));
    assertThat(back.textHash()).isEqualTo("h");
    byte[] blob = catalogue.database().transaction(tx -> tx.first("SELECT vector, dim FROM paper_vectors", r -> {
      assertThat(r.getInt(2)).isEqualTo(384);
      return r.getBytes(1);
    }).orElseThrow());
    assertThat(blob).hasSize(384 * 4);
    assertThat(ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getFloat(0)).isEqualTo(0.5f);
    assertThat(vectors.find(new PaperId("2401.00001"), EmbeddingModel.ALL_MINILM_L6_V2_Q)).isEmpty();
  }

  @Test
  void papers_without_a_vector_or_with_changed_text_are_stale_per_model() {
    putPaper("2401.00001", "Title one", "Abstract one.");
    putPaper("2401.00002", "Title two", "Abstract two.");
    putPaper("2401.00003", null, null);
    assertThat(stale(BGE)).extracting(PaperId::value).containsExactly("2401.00002", "2401.00001"); // newest first

    vectors.put(BGE, List.of(
        new PaperVector(new PaperId("2401.00001"), vector(1), EmbeddedText.of("Title one", "Abstract one.").hash()),
        new PaperVector(new PaperId("2401.00002"), vector(1), EmbeddedText.of("Title two", "Abstract two.").hash())));
    List<PaperId> none = new ArrayList<>();
    VectorStore.Scan scan = vectors.forEachStale(BGE, s -> none.add(s.id()));
    assertThat(none).isEmpty();
    assertThat(scan).isEqualTo(new VectorStore.Scan(2, 1));
    assertThat(stale(EmbeddingModel.ALL_MINILM_L6_V2_Q)).hasSize(2);

    putPaper("2401.00002", "Title two", "A revised abstract.");
    assertThat(stale(BGE)).extracting(PaperId::value).containsExactly("2401.00002");
  }

  @Test
  void putting_again_replaces_and_all_vectors_of_a_model_stream_in_id_order() {
    putPaper("2401.00002", "B", null);
    putPaper("2401.00001", "A", null);
    vectors.put(BGE, List.of(new PaperVector(new PaperId("2401.00002"), vector(1), "x"),
        new PaperVector(new PaperId("2401.00001"), vector(1), "x")));
    vectors.put(BGE, List.of(new PaperVector(new PaperId("2401.00002"), vector(2), "y")));

    List<PaperVector> all = new ArrayList<>();
    vectors.forEach(BGE, all::add);
    assertThat(all).extracting(v -> v.id().value()).containsExactly("2401.00001", "2401.00002");
    assertThat(all.get(1).vector()[0]).isEqualTo(2f);
    assertThat(all.get(1).textHash()).isEqualTo("y");
    assertThat(vectors.count(BGE)).isEqualTo(2);
  }

  @Test
  void a_vector_of_the_wrong_dimension_is_refused_and_nothing_of_its_batch_is_kept() {
    putPaper("2401.00001", "A", null);
    assertThatThrownBy(() -> vectors.put(BGE, List.of(
        new PaperVector(new PaperId("2401.00001"), vector(1), "x"),
        new PaperVector(new PaperId("2401.00001"), new float[3], "x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("384").hasMessageContaining("2401.00001");
    assertThat(vectors.count(BGE)).isZero();
  }

  @Test
  void stale_papers_come_newest_listing_first_across_more_than_one_lookup_chunk() {
    int n = org.paperlens.store.Tx.KEY_CHUNK + 30;
    catalogue.write(w -> {
      for (int i = 0; i < n; i++) {
        w.put(Paper.builder(new PaperId(String.format("2401.%05d", i))).title("T" + i).abstractText("A" + i)
            .firstListed(java.time.LocalDate.parse("2026-01-01").plusDays(i % 3)).source("test").build());
      }
      return null;
    });
    List<PaperVector> done = new ArrayList<>();
    for (int i = 0; i < n; i += 2) {
      done.add(new PaperVector(new PaperId(String.format("2401.%05d", i)), vector(1), EmbeddedText.of("T" + i, "A" + i).hash()));
    }
    vectors.put(BGE, done);
    List<VectorStore.Stale> stale = new ArrayList<>();
    VectorStore.Scan scan = vectors.forEachStale(BGE, stale::add);
    assertThat(scan.upToDate()).isEqualTo(done.size());
    assertThat(stale).hasSize(n - done.size());
    assertThat(stale).isSortedAccordingTo(java.util.Comparator.comparing(VectorStore.Stale::listed)
        .thenComparing(x -> x.id().value()).reversed());
  }

  @Test
  void papers_without_a_vector_come_newest_listing_day_first_and_the_census_counts_what_is_embedded() {
    catalogue.write(w -> {
      w.put(Paper.builder(new PaperId("2503.00001")).title("Old").abstractText("a").firstListed(java.time.LocalDate.parse("2025-03-03"))
          .source("test").build());
      w.put(Paper.builder(new PaperId("2606.00001")).title("New").abstractText("b").firstListed(java.time.LocalDate.parse("2026-06-30"))
          .source("test").build());
      w.put(Paper.builder(new PaperId("2606.00002")).title("New too").abstractText("c").firstListed(java.time.LocalDate.parse("2026-06-30"))
          .source("test").build());
      w.put(Paper.builder(new PaperId("2604.00001")).title("Middle").abstractText("d").firstListed(java.time.LocalDate.parse("2026-04-01"))
          .source("test").build());
      w.put(Paper.builder(new PaperId("2602.00001")).title("Never listed").abstractText("e").source("test").build());
      w.put(Paper.builder(new PaperId("2605.00001")).title(" ").abstractText("").firstListed(java.time.LocalDate.parse("2026-05-01"))
          .source("test").build());
      return null;
    });
    assertThat(vectors.census(BGE)).isEqualTo(new VectorStore.Census(5, 0, null, null));
    assertThat(vectors.missingNewestFirst(BGE, 10)).extracting(s -> s.id().value())
        .as("newest day first, ids descending within it, never listed last, no text left out")
        .containsExactly("2606.00002", "2606.00001", "2604.00001", "2503.00001", "2602.00001");
    vectors.put(BGE, List.of(new PaperVector(new PaperId("2606.00002"), vector(1), EmbeddedText.of("New too", "c").hash()),
        new PaperVector(new PaperId("2604.00001"), vector(1), EmbeddedText.of("Middle", "d").hash())));
    assertThat(vectors.missingNewestFirst(BGE, 2)).extracting(s -> s.id().value()).containsExactly("2606.00001", "2503.00001");
    assertThat(vectors.census(BGE)).isEqualTo(new VectorStore.Census(5, 2, "2026-04-01", "2026-06-30"));
    assertThat(vectors.census(BGE).plus(1, "2025-03-03", "2025-03-03")).isEqualTo(new VectorStore.Census(5, 3, "2025-03-03", "2026-06-30"));
  }

  @Test
  void live_vectors_leave_out_deleted_papers_and_changes_merge_papers_and_vectors_in_id_order() {
    putPaper("2401.00001", "A", null);
    putPaper("2401.00002", "B", null);
    putPaper("2401.00003", "C", null);
    long before = catalogue.sequence();
    vectors.put(BGE, List.of(new PaperVector(new PaperId("2401.00003"), vector(1), "x"),
        new PaperVector(new PaperId("2401.00001"), vector(1), "x")));
    putPaper("2401.00002", "B2", null);
    catalogue.write(w -> w.markDeleted(new PaperId("2401.00003"), java.time.LocalDate.parse("2026-01-01")));
    long after = catalogue.sequence();

    assertThat(vectors.count(BGE)).isEqualTo(2);
    assertThat(vectors.countLive(BGE)).isEqualTo(1);
    assertThat(vectors.changedPapers(BGE, before, after, null, 10)).extracting(PaperId::value)
        .containsExactly("2401.00001", "2401.00002", "2401.00003");
    assertThat(vectors.changedPapers(BGE, before, after, new PaperId("2401.00001"), 1)).extracting(PaperId::value)
        .containsExactly("2401.00002");
    assertThat(vectors.changedPapers(BGE, after, after, null, 10)).isEmpty();
  }
}
