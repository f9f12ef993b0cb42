package org.paperlens.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/** Embedding in chunks: what a run reports as embedded is stored when it returns. */
class CatalogueEmbedderTest {

  private static Encoder encoder;

  @TempDir Path tmp;

  @BeforeAll
  static void open() {
    // Batches of 2: chunks of 16 papers, so the 30 listings of the fixture make two chunks.
    encoder = Encoder.open(EmbeddingModel.BGE_SMALL_EN_V15_Q, new Encoder.Options(1, 2));
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  private CatalogueStore catalogue() throws Exception {
    CatalogueStore store = TestDatabase.catalogue(tmp);
    new Importer(store, new Importer.Options(Optional.empty(), null, 1000), Progress.NONE)
        .run(List.of(Fixtures.path("listings-sample.jsonl")), new ImportReport());
    return store;
  }

  @Test
  void every_paper_reported_embedded_is_stored_when_the_run_returns_and_a_second_run_finds_nothing() throws Exception {
    try (CatalogueStore store = catalogue()) {
      EmbedReport first = new CatalogueEmbedder(store, encoder, Progress.NONE).run(Long.MAX_VALUE);
      assertThat(first.embedded()).isEqualTo(30);
      assertThat(new VectorStore(store).count(encoder.model())).isEqualTo(30);
      assertThat(new CatalogueEmbedder(store, encoder, Progress.NONE).run(Long.MAX_VALUE).embedded()).isZero();
    }
  }

  @Test
  void a_chunk_the_server_chose_is_stored_when_the_call_returns_and_a_run_does_the_rest() throws Exception {
    try (CatalogueStore store = catalogue()) {
      CatalogueEmbedder embedder = new CatalogueEmbedder(store, encoder, Progress.NONE);
      List<VectorStore.Stale> newest = new VectorStore(store).missingNewestFirst(encoder.model(), embedder.chunkSize());
      assertThat(newest).hasSize(16);
      assertThat(newest.get(0).listed()).isGreaterThanOrEqualTo(newest.get(15).listed());
      assertThat(embedder.embedChunk(newest, new org.paperlens.common.RequestGauge())).isEqualTo(16);
      assertThat(new VectorStore(store).count(encoder.model())).isEqualTo(16);
      assertThat(new CatalogueEmbedder(store, encoder, Progress.NONE).run(Long.MAX_VALUE).embedded()).isEqualTo(14);
    }
  }
}
