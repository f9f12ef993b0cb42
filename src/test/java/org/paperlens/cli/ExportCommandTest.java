package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.ChildProcess;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;

/** {@code paperlens export} run as a user runs it, in its own JVM. */
class ExportCommandTest {

  @Test
  void export_without_an_output_file_writes_the_entries_to_standard_output(@TempDir Path dir) throws Exception {
    String data = dir.resolve("data").toString();
    assertThat(Cli.run("import", "--data", data, Fixtures.path("kaggle-sample.jsonl").toString()).code()).isZero();
    Path log = dir.resolve("export.log");

    Process p = ChildProcess.start(log, "--data", data, "export", "--format", "bibtex", "--id", "2101.00001");

    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(Files.readString(log)).contains("@", "A Sample Title Wrapped Over Two Lines", "2101.00001");
  }
}
