package org.paperlens.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.VectorStore;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/** The embed stage of the pipeline, one step at a time, with the real model on the 30 sample listings. */
class EmbedStageTest {

  private static Encoder encoder;

  @TempDir Path tmp;
  private final List<String> log = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);

  @BeforeAll
  static void open() {
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

  private EmbedStage stage(CatalogueStore store) {
    return new EmbedStage(store, encoder, 1.0, running::get, log::add);
  }

  @Test
  void a_step_embeds_what_lacks_a_vector_and_reports_it() throws Exception {
    try (CatalogueStore store = catalogue()) {
      EmbedStage stage = stage(store);
      stage.step();
      assertThat(new VectorStore(store).count(encoder.model())).isEqualTo(30);
      assertThat(stage.toEmbed()).isZero();
      assertThat(stage.rate()).isPositive();
      assertThat(log).singleElement().asString().startsWith("embedded 30 papers (").contains("at a 100% share of a core");
    }
  }

  @Test
  @Timeout(120) // a guard against hanging, not a speed target: the idle wait below is an hour
  void with_nothing_new_a_step_waits_until_papers_arrive() throws Exception {
    try (CatalogueStore store = catalogue()) {
      EmbedStage stage = new EmbedStage(store, encoder, 1.0, running::get, log::add, 3_600_000);
      stage.step();
      stage.step(); // finds nothing: remembers where it looked
      assertThat(stage.rate()).isZero();
      assertThat(log).hasSize(1);
      Thread waker = new Thread(() -> {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          return;
        }
        stage.wake();
      });
      waker.start();
      stage.step(); // its idle wait is an hour (see the stage above): returning at all means it was woken
      waker.join();
      assertThat(log).hasSize(1);
    }
  }

  @Test
  void a_stopping_pipeline_ends_the_stretch_after_the_current_batch() throws Exception {
    try (CatalogueStore store = catalogue()) {
      EmbedStage stage = stage(store);
      running.set(false);
      stage.step();
      assertThat(Thread.interrupted()).as("the stage thread is told to stop").isTrue();
      assertThat(new VectorStore(store).count(encoder.model())).as("the first batch is stored").isBetween(1L, 29L);
      assertThat(stage.toEmbed()).isPositive();
    }
  }
}
