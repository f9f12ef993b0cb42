package org.paperlens.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paperlens.common.Progress;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


/** Where tests find their inputs, and reading an input the way the importer does. */
final class TestInputs {

  private TestInputs() {}

  /** A fixture of our own making, under {@code src/test/resources/fixtures}. */
  static Path fixture(String relative) {
    URL url = TestInputs.class.getResource("/fixtures/" + relative);
    if (url == null) {
      throw new IllegalArgumentException("no test fixture " + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A file or folder of the shared real data (system property {@code paperlens.shared.data}, set
   * by the pom). Skips the calling test, saying why, when the shared data is not on this machine.
   */
  static Path shared(String relative) {
    String root = System.getProperty("paperlens.shared.data");
    assumeTrue(root != null && !root.isBlank(),
        "skipped: system property paperlens.shared.data is not set (run the tests through Maven)");
    Path path = Path.of(root).resolve(relative);
    assumeTrue(Files.exists(path), "skipped: the shared data " + path + " is not on this machine");
    return path;
  }

  /** Every record {@code reader} makes of {@code file}, in order. */
  static List<SourceRecord> readAll(RecordReader reader, Path file) throws IOException {
    List<SourceRecord> records = new ArrayList<>();
    readInto(reader, file, records);
    return records;
  }

  /** Reads {@code file} into {@code records}, which keeps what came before a bad-input exception. */
  static void readInto(RecordReader reader, Path file, List<SourceRecord> records) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      reader.read(file.toString(), in, records::add);
    }
  }

  /** Imports {@code paths} as {@code paperlens import} would, detecting formats, in batches of 100. */
  static ImportReport importPaths(CatalogueStore store, Path... paths) throws IOException {
    return new Importer(store, new Importer.Options(Optional.empty(), "test", 100), Progress.NONE)
        .run(List.of(paths), new ImportReport());
  }

  /** The papers among {@code records}, in order. */
  static List<Paper> papers(List<SourceRecord> records) {
    return records.stream()
        .filter(r -> r instanceof SourceRecord.Found)
        .map(r -> ((SourceRecord.Found) r).paper())
        .toList();
  }
}
