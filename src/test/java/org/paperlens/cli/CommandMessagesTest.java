package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.store.Database;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;
import picocli.CommandLine;

/** What the command line says to a person in their first hour: one clear line per failure, whole sentences, no "null". */
class CommandMessagesTest {

  @TempDir Path tmp;

  private static List<String> lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void an_unknown_member_in_import_bibtex_is_one_error_line_not_the_usage_of_every_command() throws Exception {
    Path data = tmp.resolve("data");
    try (CatalogueStore store = TestDatabase.catalogue(data); Database db = Database.open(store.url())) {
      new AccountStore(db, new PasswordHasher(1024, 1, 1), java.time.Clock.systemUTC()).signUp("ada", "correct horse battery");
    }
    Path bib = Files.writeString(tmp.resolve("refs.bib"), "@misc{one, eprint = {2607.00003}, archivePrefix = {arXiv}}\n");
    Cli.Result r = Cli.run("library", "import-bibtex", "--data", data.toString(), "--user", "nobody", bib.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(lines(r.err())).as(r.err()).hasSize(1);
    assertThat(r.err()).contains("no member named 'nobody'").doesNotContain("Usage:");
  }

  @Test
  void a_bad_value_found_while_a_command_runs_names_that_command_in_one_line() {
    Cli.Result r = Cli.run("search", "--data", tmp.toString(), "--sort", "stars", "x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(lines(r.err())).as(r.err()).hasSize(1);
    assertThat(r.err()).contains("stars", "paperlens search --help").doesNotContain("Usage:");
  }

  @Test
  void a_mistyped_option_still_shows_the_usage_of_the_command_it_was_given_to() {
    Cli.Result r = Cli.run("stats", "--data", tmp.toString(), "--bogus");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--bogus", "Usage: paperlens stats").doesNotContain("Usage: paperlens [");
  }

  @Test
  void subscribing_without_a_mail_server_says_that_nothing_can_be_sent_and_how_to_configure_one() {
    Path data = tmp.resolve("data");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("PAPERLENS_SMTP"));
    Cli.Result r = Cli.run(env, "digest", "subscribe", "--data", data.toString(), "--email", "a@example.org");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("no mail server is configured", "PAPERLENS_SMTP_HOST").doesNotContain("mail is queued");

    env.put("PAPERLENS_SMTP_HOST", "mail.example.org");
    Cli.Result withSmtp = Cli.run(env, "digest", "subscribe", "--data", data.toString(), "--email", "b@example.org");
    assertThat(withSmtp.code()).as(withSmtp.err()).isZero();
    assertThat(withSmtp.out()).contains("a confirmation mail to b@example.org is queued", "paperlens digest run")
        .doesNotContain("no mail server");
  }

  @Test
  void every_summary_that_help_lists_is_a_whole_sentence() {
    CommandLine cli = Main.commandLine(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<String> cut = new ArrayList<>();
    collectCutSummaries(cli, cut);
    assertThat(cut).as("first description lines, which help lists as summaries").isEmpty();
    Cli.Result help = Cli.run("help");
    assertThat(help.code()).isZero();
    String commands = help.out().substring(help.out().indexOf("Commands:"));
    commands = commands.substring(0, commands.indexOf("Exit codes:"));
    // An entry is "  name  summary", its wrapped rest on lines indented further.
    List<String> summaries = List.of(commands.replaceAll("\n {4,}", " ").split("\n")).stream().skip(1)
        .filter(l -> !l.isBlank()).toList();
    assertThat(summaries).as("each command's summary, a whole sentence").hasSizeGreaterThan(10)
        .allSatisfy(l -> assertThat(l).matches("  \\S+\\s{2,}.*\\."));
  }

  private static void collectCutSummaries(CommandLine cli, List<String> cut) {
    for (CommandLine sub : cli.getSubcommands().values()) {
      String[] description = sub.getCommandSpec().usageMessage().description();
      String summary = description.length == 0 ? "" : description[0].strip();
      if (!summary.endsWith(".")) {
        cut.add(sub.getCommandSpec().qualifiedName() + ": " + summary);
      }
      collectCutSummaries(sub, cut);
    }
  }

  @Test
  void search_prints_nothing_for_the_parts_a_record_does_not_have() {
    Path data = tmp.resolve("beir");
    Path corpus = Fixtures.path("beir-mini").resolve("corpus.jsonl");
    assertThat(Cli.run("import", "--data", data.toString(), "--format", "beir", "--dataset", "mini", corpus.toString()).code())
        .isZero();
    assertThat(Cli.run("reindex", "--data", data.toString()).code()).isZero();
    Cli.Result r = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "--limit", "50", "vitamin OR aspirin OR sleep");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains(" 1. ").doesNotContain("null").doesNotContain("·  ·").doesNotContainPattern("· *\\n");
  }
}
