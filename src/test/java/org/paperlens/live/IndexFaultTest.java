package org.paperlens.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.StageStatus;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.FailingStorage;
import org.paperlens.index.lucene.LiveIndex;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.TestDatabase;

/**
 * A running pipeline whose index files cannot be written for a while (issue 21: the writer closed,
 * "IndexWriter is closed" every second forever, new papers never searchable, the status silent).
 */
class IndexFaultTest {

  @TempDir Path tmp;
  private final List<String> log = new CopyOnWriteArrayList<>();

  static Paper paper(String id, String title) {
    return Paper.builder(new PaperId(id)).version(1).title(title).abstractText("We study " + title.toLowerCase() + ".")
        .authors(List.of("Ada Lovelace")).categories(List.of("cs.CL")).firstListed(LocalDate.of(2026, 7, 1)).source("test").build();
  }

  static void put(CatalogueStore store, Paper p) {
    store.write(w -> {
      w.put(p);
      return null;
    });
  }

  static List<String> found(LiveIndex index, String query) {
    return index.keyword(query, Filters.NONE, 5).stream().map(h -> h.id().value()).toList();
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s: " + what);
      }
      Thread.sleep(50);
    }
  }

  private static Optional<StageStatus> stage(Pipeline pipeline, String name) {
    return pipeline.status().stages().stream().filter(s -> s.stage().equals(name)).findFirst();
  }

  @Test
  void a_failed_index_write_is_reported_once_retried_with_backoff_and_caught_up_when_the_disk_is_writable_again() throws Exception {
    FailingStorage storage = new FailingStorage();
    Pipeline.Settings settings = new Pipeline.Settings(Optional.empty(), Optional.empty(), 1.0, Duration.ofMillis(100),
        Duration.ofMillis(100), Duration.ofMillis(300));
    try (CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"));
        LiveIndex index = storage.open(tmp.resolve("index"), IndexSettings.DEFAULT);
        Pipeline pipeline = new Pipeline(settings, store, index, EmbeddingModel.BGE_SMALL_EN_V15_Q, null, Clock.systemUTC(), log::add)) {
      pipeline.start();
      put(store, paper("2607.00001", "Sparse attention for long documents"));
      await("the first paper searchable", () -> found(index, "sparse attention").equals(List.of("2607.00001")));
      await("committed", () -> index.durableSeq() == store.sequence());
      assertThat(stage(pipeline, "index")).hasValueSatisfying(s -> assertThat(s.failing()).isFalse());

      storage.readOnly.set(true);
      put(store, paper("2607.00002", "Dense retrieval for everyone"));
      put(store, paper("2607.00003", "Graph neural networks on molecules"));
      await("the index stage failing, three times", () -> stage(pipeline, "index").map(s -> s.failing()
          && s.lastFault().get().failures() >= 3).orElse(false));
      StageStatus failing = stage(pipeline, "index").orElseThrow();
      assertThat(failing.lastFault().get().nextRetry()).as("the next retry is announced").isPresent();
      assertThat(failing.lastFault().get().problem()).contains("read-only");
      assertThat(pipeline.status().failing()).extracting(StageStatus::stage).containsExactly("index");
      assertThat(pipeline.status().describe()).contains("index failing since");
      assertThat(found(index, "sparse attention")).as("searches go on meanwhile").containsExactly("2607.00001");
      long lines = log.stream().filter(l -> l.startsWith("index stage failed")).count();
      await("one more retry", () -> stage(pipeline, "index").orElseThrow().lastFault().get().failures() >= 4);
      assertThat(log.stream().filter(l -> l.startsWith("index stage failed")).toList())
          .as("logged when the fault starts (the write) and changes (the re-open), not once per retry: %s", log)
          .hasSize((int) lines).hasSizeBetween(1, 2);

      storage.readOnly.set(false);
      await("the papers added meanwhile searchable without a restart",
          () -> found(index, "dense retrieval").equals(List.of("2607.00002"))
              && found(index, "graph neural molecules").equals(List.of("2607.00003")));
      await("the fault cleared", () -> !stage(pipeline, "index").orElseThrow().failing());
      StageStatus recovered = stage(pipeline, "index").orElseThrow();
      assertThat(recovered.lastFault()).as("the last fault stays on record")
          .hasValueSatisfying(f -> assertThat(f.recovered()).isPresent());
      assertThat(pipeline.status().failing()).isEmpty();
      assertThat(log).anySatisfy(l -> assertThat(l).startsWith("index stage recovered after"));
      await("durable again", () -> index.durableSeq() == store.sequence());
      assertThat(found(index, "sparse attention")).as("nothing lost").containsExactly("2607.00001");
    }
  }

  /**
   * A CI run of {@code serve} stopped by SIGTERM ended in "FileLock invalidated by an external
   * force": the pipeline interrupted its index thread in the middle of a write, the interrupt
   * closed the channel holding Lucene's write lock, and the last commit could not be made.
   */
  @Test
  void stopping_while_the_index_stage_writes_lets_the_write_finish_and_commits() throws Exception {
    FailingStorage storage = new FailingStorage();
    Pipeline.Settings settings = new Pipeline.Settings(Optional.empty(), Optional.empty(), 1.0, Duration.ofMillis(100),
        Duration.ofMillis(100), Duration.ZERO);
    try (CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"));
        LiveIndex index = storage.open(tmp.resolve("index"), IndexSettings.DEFAULT)) {
      Pipeline pipeline = new Pipeline(settings, store, index, EmbeddingModel.BGE_SMALL_EN_V15_Q, null, Clock.systemUTC(), log::add);
      pipeline.start();
      put(store, paper("2607.00001", "Sparse attention for long documents"));
      await("committed", () -> index.durableSeq() == store.sequence());

      storage.slow.set(true);
      put(store, paper("2607.00002", "Dense retrieval for everyone"));
      await("the index stage inside a write", () -> storage.held.get() > 0);
      Thread closing = new Thread(pipeline::close);
      closing.start();
      Thread.sleep(300); // close() has stopped the stages by now; the write is still held
      storage.slow.set(false);
      closing.join(60_000);
      assertThat(closing.isAlive()).as("close() returns").isFalse();

      assertThat(log).as("the log").noneSatisfy(l -> assertThat(l).contains("could not commit"));
      assertThat(index.durableSeq()).as("the paper being written when the stop came is committed").isEqualTo(store.sequence());
      assertThat(found(index, "dense retrieval")).containsExactly("2607.00002");
    }
  }

  @Test
  void a_watermark_ahead_of_the_catalogue_has_the_index_rebuilt_from_it_while_searches_go_on() throws Exception {
    Path indexRoot = tmp.resolve("index");
    try (CatalogueStore newer = TestDatabase.catalogue(tmp.resolve("newer"));
        LiveIndex index = LiveIndex.open(indexRoot, IndexSettings.DEFAULT)) {
      IndexStage stage = new IndexStage(newer, index, EmbeddingModel.BGE_SMALL_EN_V15_Q, Duration.ZERO, log::add, java.time.Instant::now);
      for (int i = 1; i <= 4; i++) {
        put(newer, paper("2607.0000" + i, "Topic number " + i + " sparse attention"));
      }
      stage.step();
      assertThat(index.durableSeq()).isEqualTo(newer.sequence());
    }
    // The catalogue restored from a backup taken after two of those papers, the index kept; one paper arrives since.
    try (CatalogueStore restored = TestDatabase.catalogue(tmp.resolve("restored"));
        LiveIndex index = LiveIndex.open(indexRoot, IndexSettings.DEFAULT)) {
      put(restored, paper("2607.00001", "Topic number 1 sparse attention"));
      put(restored, paper("2607.00002", "Topic number 2 sparse attention"));
      put(restored, paper("2607.00009", "Dense retrieval for everyone"));
      assertThat(index.appliedSeq()).isGreaterThan(restored.sequence());
      assertThat(found(index, "sparse attention")).as("the old index answers until the rebuild").hasSize(4);
      IndexStage stage = new IndexStage(restored, index, EmbeddingModel.BGE_SMALL_EN_V15_Q, Duration.ZERO, log::add, java.time.Instant::now);
      stage.step();
      assertThat(log).anySatisfy(l -> assertThat(l).contains("ahead of the catalogue").contains("rebuilding it in the background"));
      assertThat(found(index, "dense retrieval")).as("the paper added after the restore").containsExactly("2607.00009");
      assertThat(found(index, "sparse attention")).as("only what the catalogue has").containsExactlyInAnyOrder("2607.00001", "2607.00002");
      assertThat(index.appliedSeq()).isEqualTo(restored.sequence());
      log.clear();
      put(restored, paper("2607.00010", "Graph neural networks"));
      stage.step();
      assertThat(found(index, "graph neural")).containsExactly("2607.00010");
      assertThat(log).as("rebuilt once").noneSatisfy(l -> assertThat(l).contains("rebuilding"));
    }
  }
}
