package org.paperlens.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.TestDatabase;

/** A long import of a watched file shows in the server log while it runs: where it is, how many papers, how fast. */
class WatchedFolderProgressTest {

  @TempDir Path tmp;

  private static Path listing(Path file, int papers) throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= papers; i++) {
      b.append(String.format("{\"id\": \"2401.%05d\", \"authors\": [\"Ada Lovelace\"], \"title\": \"Paper number %d\","
          + " \"categories\": [\"cs.LG\"], \"summary\": \"An abstract about paper %d.\", \"first_seen_listing_date\": \"2024-01-03\"}%n",
          i, i, i));
    }
    return Files.writeString(file, b.toString());
  }

  @Test
  void a_long_import_logs_its_progress_with_papers_and_rate_and_then_a_closing_line() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("watch"));
    listing(folder.resolve("listing.jsonl"), 3_500);
    List<String> log = new ArrayList<>();
    AtomicLong now = new AtomicLong();
    // Every reading of this clock is 11 s after the one before: each committed batch is past the 10 s interval.
    try (CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"))) {
      WatchedFolder watched = new WatchedFolder(folder, store, log::add, () -> now.addAndGet(11_000_000_000L), Duration.ofSeconds(10));
      assertThat(watched.scan()).as("the first scan only sees the file").isZero();
      assertThat(watched.scan()).isEqualTo(1);
    }
    assertThat(log.getFirst()).startsWith("importing listing.jsonl, 0.").endsWith(" MB");
    List<String> progress = log.stream().filter(l -> l.startsWith("importing listing.jsonl: ")).toList();
    assertThat(progress).as(String.join("\n", log)).hasSizeGreaterThanOrEqualTo(3);
    assertThat(progress.getFirst()).matches("importing listing\\.jsonl: \\d+% of 0\\.\\d MB, 1,000 records read,"
        + " 1,000 papers new and 0 updated, \\d+ records/s, about \\d+ (s|min) left");
    assertThat(log.getLast()).matches("imported listing\\.jsonl in \\d+ s: read 3,500: new 3,500.*");
  }

  @Test
  void a_quick_import_logs_only_its_start_and_its_result() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("watch"));
    listing(folder.resolve("a.jsonl"), 10);
    listing(folder.resolve("b.jsonl"), 20);
    List<String> log = new ArrayList<>();
    try (CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"))) {
      WatchedFolder watched = new WatchedFolder(folder, store, log::add, () -> 0L, Duration.ofSeconds(10));
      watched.scan();
      assertThat(watched.scan()).isEqualTo(2);
    }
    assertThat(log).hasSize(4);
    assertThat(log.get(0)).startsWith("importing a.jsonl (file 1 of 2), ");
    assertThat(log.get(1)).startsWith("imported a.jsonl in 0 s: read 10: new 10");
    assertThat(log.get(2)).startsWith("importing b.jsonl (file 2 of 2), ");
  }
}
