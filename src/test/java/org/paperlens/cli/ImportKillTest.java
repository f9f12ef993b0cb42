package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.CatalogueDump;
import org.paperlens.testing.ChildProcess;
import org.paperlens.testing.SharedData;
import org.paperlens.testing.TestDatabase;

/**
 * Kills {@code paperlens import} with SIGKILL at random moments, runs it again, and checks the
 * catalogue is exactly what one uninterrupted import gives: no paper lost, none duplicated.
 */
class ImportKillTest {

  @TempDir Path tmp;

  @Test
  void an_import_killed_at_random_moments_and_rerun_ends_with_the_same_catalogue() throws Exception {
    Path input = inputFile();
    Path killed = tmp.resolve("killed");
    Random random = new Random(20261122L);
    int killedMidway = 0;
    for (int attempt = 0; attempt < 4; attempt++) {
      Process p = ChildProcess.start(tmp.resolve("run" + attempt + ".log"),
          "import", "--data", killed.toString(), "--batch", "250", input.toString());
      long delayMs = 1200 + random.nextInt(4000);
      if (!p.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(); // SIGKILL on Unix: no shutdown hooks, no cleanup
        killedMidway++;
      }
    }
    Process last = ChildProcess.start(tmp.resolve("final.log"), "import", "--data", killed.toString(), input.toString());
    assertThat(last.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(last.exitValue()).as(Files.readString(tmp.resolve("final.log"))).isZero();

    Path clean = tmp.resolve("clean");
    try (CatalogueStore store = TestDatabase.catalogue(clean)) {
      new Importer(store, new Importer.Options(Optional.empty(), "x", 1000), Progress.NONE)
          .run(List.of(input), new ImportReport());
    }
    List<String> expected;
    List<String> actual;
    try (CatalogueStore a = TestDatabase.catalogue(clean); CatalogueStore b = TestDatabase.catalogue(killed)) {
      expected = CatalogueDump.of(a);
      actual = CatalogueDump.of(b);
    }
    assertThat(killedMidway).as("kills that landed while the import was running").isGreaterThanOrEqualTo(2);
    assertThat(actual).hasSameSizeAs(expected);
    assertThat(actual).isEqualTo(expected);
  }

  /** The real listings when present; otherwise 40,000 made-up records in the same schema. */
  private Path inputFile() throws IOException {
    Path real = SharedData.root().resolve("arxiv-cs-listings/arxiv-cs-2025-03-to-2026-07.jsonl.gz");
    if (Files.exists(real)) {
      return real;
    }
    Path made = tmp.resolve("made-up-listing.jsonl.gz");
    try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(made)), StandardCharsets.UTF_8)) {
      for (int i = 0; i < 40_000; i++) {
        String id = String.format("2501.%05d", i);
        w.write("{\"id\": \"" + id + "\", \"title\": \"Made-up paper " + i + "\", \"authors\": [\"A. Author\", \"B. Author"
            + (i % 7) + "\"], \"categories\": [\"cs.LG\"], \"comment\": null, \"summary\": \"Abstract number " + i
            + " about topic " + (i % 13) + ".\", \"first_seen_listing_date\": \"2025-01-" + String.format("%02d", 1 + i % 28) + "\"}\n");
      }
    }
    return made;
  }
}
