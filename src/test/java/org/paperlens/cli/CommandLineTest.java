package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Cli.Result;
import org.paperlens.testing.Fixtures;

class CommandLineTest {

  @TempDir Path tmp;

  private static Result run(String... args) {
    return Cli.run(args);
  }

  @Test
  void import_prints_a_summary_and_stats_shows_what_arrived() {
    Result imported = run("import", "--data", tmp.toString(), Fixtures.path("listings-small.jsonl").toString());
    assertThat(imported.code()).isZero();
    assertThat(imported.out()).contains("read 8: new 4, updated 0, unchanged 0, deleted 0, skipped 4")
        .contains("listings-small.jsonl:4");

    Result stats = run("stats", "--data", tmp.toString());
    assertThat(stats.code()).isZero();
    assertThat(stats.out()).contains("papers: 4").contains("cs.PL").contains("2025-01").contains("arxiv-listing");
  }

  @Test
  void a_missing_file_exits_3_with_a_clear_message() {
    Result r = run("import", "--data", tmp.toString(), tmp.resolve("nope.jsonl").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("bad input").contains("nope.jsonl").contains("no such file");
  }

  @Test
  void an_unusable_data_directory_exits_4() throws Exception {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "not a directory");
    Result r = run("stats", "--data", file.toString());
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).contains("catalogue error").contains("a-file");
  }

  @Test
  void unknown_options_and_formats_are_usage_errors() {
    assertThat(run("import", "--bogus", "x").code()).isEqualTo(2);
    Result r = run("import", "--format", "pdf", "x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown format 'pdf'");
    assertThat(run().code()).isEqualTo(2);
  }

  @Test
  void every_command_has_usage_text() {
    for (String cmd : new String[] {"import", "embed", "stats"}) {
      Result r = run(cmd, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage: paperlens " + cmd);
    }
  }
}
