package org.paperlens.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.paperlens.live.IndexFaultTest.found;
import static org.paperlens.live.IndexFaultTest.paper;
import static org.paperlens.live.IndexFaultTest.put;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.IndexUnavailableException;
import org.paperlens.index.VectorLookup;
import org.paperlens.index.lucene.FailingStorage;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LiveIndex;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.TestDatabase;

/**
 * A damaged index at start (issue 21: four flipped bytes gave a healthy-looking server whose
 * searches answered 500; a truncated or missing segment a server that would not start): found by
 * its checksums, reported in one line, rebuilt from the catalogue in the background.
 */
class DamagedIndexTest {

  @TempDir Path tmp;
  private final List<String> log = new ArrayList<>();

  /** The current generation's largest segment file: what a damaged disk block most likely hits. */
  static Path largestSegmentFile(Path indexRoot) throws IOException {
    Path generation = indexRoot.resolve(Files.readString(indexRoot.resolve("CURRENT"), StandardCharsets.UTF_8).strip());
    try (Stream<Path> files = Files.list(generation)) {
      return files.filter(f -> !f.getFileName().toString().startsWith("segments") && !f.getFileName().toString().equals("write.lock"))
          .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
    }
  }

  /** Flips four bytes in the middle of {@code file}. */
  static void flipFourBytes(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long middle = f.length() / 2;
      for (int i = 0; i < 4; i++) {
        f.seek(middle + i);
        int b = f.read();
        f.seek(middle + i);
        f.write(~b);
      }
    }
  }

  private CatalogueStore catalogueWithIndex(Path indexRoot) {
    CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"));
    for (int i = 1; i <= 30; i++) {
      put(store, paper(String.format("2607.%05d", i), "Paper " + i + " on sparse attention for long documents"));
    }
    put(store, paper("2607.00099", "Dense retrieval for everyone"));
    IndexBuilder.rebuild(CatalogueSource.of(store, VectorLookup.NONE), indexRoot, IndexSettings.DEFAULT, Progress.NONE);
    return store;
  }

  private void assertRebuiltOnFirstStep(CatalogueStore store, LiveIndex index, String damagedFile, boolean openable)
      throws IOException {
    index.checkIntegrity(); // the first step's check, before it: what searches see meanwhile
    assertThat(index.currentFormat()).as("damage found at start").isFalse();
    assertThat(index.staleReason()).contains("damaged").contains(damagedFile);
    if (openable) {
      // Flipped bytes: searches go on from the damaged index where they can, and where they cannot they are unavailable.
      assertThat(catchThrowable(() -> found(index, "sparse attention"))).satisfiesAnyOf(
          e -> assertThat(e).isNull(), e -> assertThat(e).isInstanceOf(IndexUnavailableException.class));
    } else {
      assertThatThrownBy(() -> found(index, "dense retrieval")).as("no good commit: unavailable, not an internal error")
          .isInstanceOf(IndexUnavailableException.class);
    }
    new IndexStage(store, index, EmbeddingModel.BGE_SMALL_EN_V15_Q, Duration.ZERO, log::add, java.time.Instant::now).step();
    assertThat(log).filteredOn(l -> l.contains("damaged")).singleElement().asString()
        .contains(damagedFile).contains("rebuilding it in the background from the catalogue");
    assertThat(found(index, "dense retrieval")).containsExactly("2607.00099");
    assertThat(index.coverage().papers()).isEqualTo(31);
    assertThat(index.currentFormat()).isTrue();
  }

  @Test
  void four_flipped_bytes_in_a_segment_are_found_at_start_and_the_index_rebuilt_from_the_catalogue() throws Exception {
    Path root = tmp.resolve("index");
    try (CatalogueStore store = catalogueWithIndex(root)) {
      Path damaged = largestSegmentFile(root);
      flipFourBytes(damaged);
      try (LiveIndex index = LiveIndex.open(root, IndexSettings.DEFAULT)) {
        assertRebuiltOnFirstStep(store, index, damaged.getFileName().toString(), true);
      }
    }
  }

  @Test
  void a_truncated_segment_does_not_stop_the_server_and_is_rebuilt() throws Exception {
    Path root = tmp.resolve("index");
    try (CatalogueStore store = catalogueWithIndex(root)) {
      Path damaged = largestSegmentFile(root);
      try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
        f.setLength(f.length() / 2);
      }
      try (LiveIndex index = LiveIndex.open(root, IndexSettings.DEFAULT)) {
        assertRebuiltOnFirstStep(store, index, damaged.getFileName().toString(), false);
      }
    }
  }

  @Test
  void a_missing_segment_does_not_stop_the_server_and_is_rebuilt() throws Exception {
    Path root = tmp.resolve("index");
    try (CatalogueStore store = catalogueWithIndex(root)) {
      Path damaged = largestSegmentFile(root);
      Files.delete(damaged);
      try (LiveIndex index = LiveIndex.open(root, IndexSettings.DEFAULT)) {
        assertRebuiltOnFirstStep(store, index, damaged.getFileName().toString(), false);
      }
    }
  }

  @Test
  void damage_found_while_serving_has_the_index_rebuilt_and_switched_to_without_a_restart() throws Exception {
    Path root = tmp.resolve("index");
    FailingStorage storage = new FailingStorage();
    try (CatalogueStore store = catalogueWithIndex(root); LiveIndex index = storage.open(root, IndexSettings.DEFAULT)) {
      IndexStage stage = new IndexStage(store, index, EmbeddingModel.BGE_SMALL_EN_V15_Q, Duration.ZERO, log::add,
          java.time.Instant::now);
      stage.step();
      assertThat(index.currentFormat()).isTrue();
      storage.damaged.set(true); // the next segment opened fails its checksum
      put(store, paper("2607.00100", "Graph neural networks on molecules"));
      assertThatThrownBy(stage::step).as("the refresh reads the damaged files").isInstanceOf(RuntimeException.class);
      assertThat(index.currentFormat()).as("marked for a rebuild").isFalse();
      assertThat(found(index, "dense retrieval")).as("searches go on from the old reader").containsExactly("2607.00099");
      storage.damaged.set(false);
      stage.step();
      assertThat(log).filteredOn(l -> l.contains("damaged")).singleElement().asString()
          .contains("rebuilding it in the background from the catalogue");
      assertThat(found(index, "graph neural molecules")).containsExactly("2607.00100");
      assertThat(index.currentFormat()).isTrue();
    }
  }
}
