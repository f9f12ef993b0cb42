package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.ChildProcess;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/**
 * Issue 21: "a read-only data directory and a truncated catalogue.db both print only 'Unable to
 * check whether table flyway_schema_history exists'". Each now names the file and the cause, and
 * exits 4 (a catalogue error), as every command and {@code serve} do when they open the catalogue.
 */
class CatalogueFaultsTest {

  @TempDir Path tmp;
  private Path data;
  private Path catalogue;

  @BeforeEach
  void importSample() {
    assumeFalse(TestDatabase.onPostgres(), "about the SQLite file: the SQLite run covers it");
    data = tmp.resolve("data");
    Cli.Result r = Cli.run("import", "--data", data.toString(), Fixtures.path("listings-sample.jsonl").toString());
    assertThat(r.code()).as(r.err()).isZero();
    catalogue = data.resolve("catalogue.db");
  }

  @Test
  void a_truncated_catalogue_is_named_as_truncated_not_as_a_flyway_table() throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(catalogue.toFile(), "rw")) {
      f.setLength(10);
    }
    Cli.Result r = Cli.run("stats", "--data", data.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(4);
    assertThat(r.err()).contains(catalogue.toString(), "not an SQLite database", "truncated").doesNotContain("flyway_schema_history");
  }

  @Test
  void a_catalogue_cut_short_after_its_header_is_named_as_damaged() throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(catalogue.toFile(), "rw")) {
      f.setLength(4096 + 100); // the first page and the start of the second
    }
    Cli.Result r = Cli.run("stats", "--data", data.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(4);
    assertThat(r.err()).contains(catalogue.toString()).containsPattern("damaged|not an SQLite database")
        .doesNotContain("flyway_schema_history");
  }

  @Test
  void a_read_only_data_directory_is_named_as_read_only() throws Exception {
    List<String> wrapper = List.of();
    if ("root".equals(System.getProperty("user.name"))) {
      // Root writes anywhere; without the capability to override permissions it is refused like anyone.
      boolean setpriv = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
          .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "setpriv")));
      assumeTrue(setpriv, "skipped: running as root without setpriv (util-linux) to give up writing anywhere");
      wrapper = List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps", "-all");
    }
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Path log = tmp.resolve("stats.log");
      Process p = ChildProcess.start(log, Map.of(), wrapper, List.of(), "stats", "--data", data.toString());
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(log);
      assertThat(p.exitValue()).as(out).isEqualTo(4);
      assertThat(out).contains(data.toString(), "read-only").doesNotContain("flyway_schema_history");
    } finally {
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
