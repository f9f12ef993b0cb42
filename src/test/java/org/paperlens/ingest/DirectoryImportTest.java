package org.paperlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.paperlens.ingest.TestInputs.fixture;
import static org.paperlens.ingest.TestInputs.importPaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.TestDatabase;

/** Importing a directory tree that holds more than regular files. */
class DirectoryImportTest {

  @TempDir Path dir;

  @Test
  void dangling_links_links_to_directories_and_fifos_are_reported_as_skipped_and_never_opened() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.copy(fixture("listing-sample.jsonl"), tree.resolve("a-listing.jsonl"));
    Files.createSymbolicLink(tree.resolve("b-dangling.jsonl"), tree.resolve("gone.jsonl"));
    Files.createSymbolicLink(tree.resolve("c-linked-dir"), dir);
    Path fifo = tree.resolve("d-fifo.jsonl");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "skipped: mkfifo is not available here");

    try (CatalogueStore store = TestDatabase.catalogue(dir.resolve("data"))) {
      // Opening a FIFO with no writer blocks for ever: the bound proves it was never opened.
      ImportReport report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> importPaths(store, tree));

      assertThat(report.added()).isPositive();
      assertThat(report.problems()).extracting(ImportReport.Problem::where, ImportReport.Problem::reason).contains(
          org.assertj.core.groups.Tuple.tuple(tree.resolve("b-dangling.jsonl").toString(), "a dangling symbolic link"),
          org.assertj.core.groups.Tuple.tuple(tree.resolve("c-linked-dir").toString(), "a link to a directory (not followed)"),
          org.assertj.core.groups.Tuple.tuple(fifo.toString(), "not a regular file (a pipe, socket or device): not opened"));
    }
  }
}
