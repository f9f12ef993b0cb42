package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Cli.Result;
import org.paperlens.testing.Fixtures;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

  @Command(name = "exhaust")
  static final class ExhaustsMemory implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Command(name = "recurse")
  static final class OverflowsTheStack implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new StackOverflowError();
    }
  }

  @Test
  void an_error_such_as_running_out_of_memory_exits_70_with_a_message_not_a_raw_stack_trace() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
    cli.addSubcommand(new ExhaustsMemory());
    cli.addSubcommand(new OverflowsTheStack());

    assertThat(Main.execute(cli, "exhaust")).isEqualTo(70);
    assertThat(err.toString()).startsWith("paperlens: out of memory").contains("PAPERLENS_JAVA_OPTS").doesNotContain("\tat ");
    assertThat(Main.execute(cli, "recurse")).isEqualTo(70);
    assertThat(err.toString()).contains("paperlens: internal error", "StackOverflowError");
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
