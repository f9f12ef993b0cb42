package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.store.Database;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;

/** The issue-21 inputs that crashed commands (exit 70): ten fuzzy words in a search, BibTeX braces nested 5,000 deep. */
class HostileCliInputTest {

  @TempDir static Path data;

  @BeforeAll
  static void importAndIndex() throws Exception {
    assertThat(Cli.run("import", "--data", data.toString(), Fixtures.path("snippet-text.jsonl").toString()).code()).isZero();
    Cli.Result r = Cli.run("reindex", "--data", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void ten_fuzzy_words_are_bad_input_with_a_clear_message() {
    Cli.Result r = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "a~ b~ c~ d~ e~ f~ g~ h~ i~ j~");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("bad query", "more than 8 fuzzy, wildcard or range words").doesNotContain("\tat ");
  }

  @Test
  void braces_nested_thousands_deep_skip_one_entry_named_by_its_line() throws Exception {
    try (var store = org.paperlens.testing.TestDatabase.catalogue(data); Database db = Database.open(store.url())) {
      new AccountStore(db, new PasswordHasher(1024, 1, 1), java.time.Clock.systemUTC()).signUp("ada", "correct horse battery");
    }
    Path bib = data.resolve("deep.bib");
    Files.writeString(bib, "@book{ok, title = {Unknown}}\n@article{deep,\n  title = " + "{".repeat(5_000) + "}".repeat(5_000) + "}\n");
    Cli.Result r = Cli.run("library", "import-bibtex", "--data", data.toString(), "--user", "ada", bib.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("skipped line 2 (deep): braces nested deeper than 100 levels").doesNotContain("StackOverflow");
    assertThat(r.out()).contains("0 of 1 entries added to ada's library; 1 unreadable entries skipped");
    Files.writeString(bib, "@article{deep,\n  title = " + "{".repeat(5_000) + "}".repeat(5_000) + "}\n");
    Cli.Result only = Cli.run("library", "import-bibtex", "--data", data.toString(), "--user", "ada", bib.toString());
    assertThat(only.code()).as(only.err()).isEqualTo(3);
    assertThat(only.err()).contains("line 1 (deep)");
  }
}
