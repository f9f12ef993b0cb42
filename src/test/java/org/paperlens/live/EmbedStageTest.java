package org.paperlens.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.common.RequestGauge;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.VectorStore;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/**
 * The embed stage of the pipeline, one step at a time, with the real model on the 30 sample
 * listings. Pauses are watched through the request gauge, never timed.
 */
@Timeout(300) // a guard against hanging, not a speed target
class EmbedStageTest {

  private static Encoder encoder;

  @TempDir Path tmp;
  private final List<String> log = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final RequestGauge requests = new RequestGauge(Duration.ZERO, System::nanoTime);
  private final AtomicLong ticker = new AtomicLong();

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
    return stage(store, EmbedStage.STRETCH);
  }

  private EmbedStage stage(CatalogueStore store, int stretch) {
    return new EmbedStage(store, encoder, requests, 1.0, running::get, log::add, 3_600_000, ticker::get, stretch, EmbedStage.LEASE);
  }

  @Test
  void a_step_embeds_what_lacks_a_vector_and_reports_it() throws Exception {
    try (CatalogueStore store = catalogue()) {
      EmbedStage stage = stage(store);
      stage.step();
      assertThat(new VectorStore(store).count(encoder.model())).isEqualTo(30);
      assertThat(stage.progress().toEmbed()).isZero();
      assertThat(stage.progress()).extracting(EmbedProgress::papers, EmbedProgress::embedded).containsExactly(30L, 30L);
      stage.step(); // finds nothing left: says so, with the counts afresh from the catalogue
      assertThat(log).singleElement().asString().startsWith("meaning search: 30 of 30 papers embedded (100.0%)")
          .contains("meaning search covers papers listed 2026-01-05 to 2026-01-09");
    }
  }

  @Test
  void the_counts_come_from_the_catalogue_before_the_first_chunk_is_stored() throws Exception {
    try (CatalogueStore store = catalogue()) {
      EmbedStage stage = stage(store, 8);
      requests.begin(); // a request in flight: the first model run waits for it
      Thread step = stepInBackground(stage);
      awaitPaused();
      EmbedProgress before = stage.progress();
      assertThat(before.papers()).as("every paper waiting, not just the stretch being embedded").isEqualTo(30);
      assertThat(before.embedded()).isZero();
      assertThat(before.toEmbed()).isEqualTo(30);
      requests.end();
      step.join();
      assertThat(stage.progress()).extracting(EmbedProgress::papers, EmbedProgress::embedded, EmbedProgress::toEmbed)
          .containsExactly(30L, 8L, 22L);
    }
  }

  @Test
  void the_embedder_waits_while_a_request_is_in_flight_and_resumes_after() throws Exception {
    try (CatalogueStore store = catalogue()) {
      EmbedStage stage = stage(store);
      VectorStore vectors = new VectorStore(store);
      requests.begin();
      Thread step = stepInBackground(stage);
      awaitPaused();
      assertThat(vectors.count(encoder.model())).as("nothing embedded while the request is in flight").isZero();
      assertThat(step.isAlive()).isTrue();
      requests.end();
      step.join();
      assertThat(vectors.count(encoder.model())).as("resumed once the request ended").isEqualTo(30);
    }
  }

  @Test
  void the_newest_listing_days_are_embedded_first_when_an_older_file_is_imported_first() throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      import_(store, listings("2025-03-03", "2503.", 0, 20));
      EmbedStage stage = stage(store, 8);
      requests.begin();
      Thread step = stepInBackground(stage); // chooses among the old papers, the only ones there
      awaitPaused();
      import_(store, listings("2026-06-30", "2606.", 20, 30)); // mid-import, no wake: as a long folder scan
      requests.end();
      step.join();
      stage.step();
      VectorStore vectors = new VectorStore(store);
      List<String> embedded = new ArrayList<>();
      for (int n = 1; n <= 30; n++) {
        String id = String.format(n <= 20 ? "2503.%05d" : "2606.%05d", n);
        if (vectors.find(new org.paperlens.paper.PaperId(id), encoder.model()).isPresent()) {
          embedded.add(id);
        }
      }
      assertThat(embedded).filteredOn(id -> id.startsWith("2606.")).as("the second stretch: the newest day").hasSize(8);
      assertThat(embedded).filteredOn(id -> id.startsWith("2503.")).as("only the first stretch of the old day").hasSize(8);
    }
  }

  @Test
  void progress_is_logged_every_ten_seconds_of_the_ticker_while_embedding() throws Exception {
    try (CatalogueStore store = catalogue()) {
      EmbedStage stage = stage(store, 8);
      stage.step();
      assertThat(log).as("not yet 10 s since the counts were taken").isEmpty();
      ticker.addAndGet(Duration.ofSeconds(9).toNanos());
      stage.step();
      assertThat(log).isEmpty();
      ticker.addAndGet(Duration.ofSeconds(1).toNanos());
      stage.step();
      assertThat(log).singleElement().asString().startsWith("meaning search: 24 of 30 papers embedded (80.0%), ")
          .contains("papers/s, all in ");
      ticker.addAndGet(Duration.ofSeconds(5).toNanos());
      stage.step();
      assertThat(log).hasSize(1);
    }
  }

  private Thread stepInBackground(EmbedStage stage) {
    Thread t = new Thread(() -> {
      try {
        stage.step();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "embed-step");
    t.start();
    return t;
  }

  /** Until the stage's model run waits on the gauge (the class timeout guards a stage that never gets there). */
  private void awaitPaused() throws InterruptedException {
    while (requests.waiting() == 0) {
      Thread.sleep(5);
    }
  }

  /** Sample listings {@code from} to {@code to}, renumbered under {@code prefix} and listed on {@code day}. */
  private Path listings(String day, String prefix, int from, int to) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = java.nio.file.Files.readAllLines(Fixtures.path("listings-sample.jsonl")).subList(from, to);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      ObjectNode record = (ObjectNode) json.readTree(lines.get(i));
      String id = String.format("%s%05d", prefix, from + i + 1);
      record.put("id", id).put("abs", "https://arxiv.org/abs/" + id).put("pdf", "https://arxiv.org/pdf/" + id)
          .put("first_seen_listing_date", day);
      out.append(json.writeValueAsString(record)).append('\n');
    }
    Path file = tmp.resolve(prefix + "jsonl");
    java.nio.file.Files.writeString(file, out);
    return file;
  }

  private static void import_(CatalogueStore store, Path file) throws Exception {
    new Importer(store, new Importer.Options(Optional.empty(), null, 1000), Progress.NONE).run(List.of(file), new ImportReport());
  }

  @Test
  void with_nothing_new_a_step_waits_until_papers_arrive() throws Exception {
    try (CatalogueStore store = catalogue()) {
      EmbedStage stage = stage(store); // its idle wait is an hour
      stage.step();
      stage.step(); // finds nothing: remembers where it looked
      assertThat(stage.progress().rate()).isZero();
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
      assertThat(stage.progress().toEmbed()).isPositive();
    }
  }
}
