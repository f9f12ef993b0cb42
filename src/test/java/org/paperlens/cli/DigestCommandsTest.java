package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;
import org.paperlens.testing.Cli;
import org.paperlens.testing.TestDatabase;

/** The digest, export and library commands, in this JVM, on a catalogue of three papers. */
class DigestCommandsTest {

  @TempDir Path tmp;

  private String data() {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      store.write(w -> {
        for (int i = 1; i <= 3; i++) {
          w.put(Paper.builder(new PaperId("2607.0000" + i)).version(1).title("Paper number " + i).authors(List.of("Ada Lovelace"))
              .categories(List.of("cs.CL")).submitted(LocalDate.of(2026, 7, 1)).firstListed(LocalDate.of(2026, 7, 2)).source("t").build());
        }
        return null;
      });
    }
    return tmp.toString();
  }

  @Test
  void subscribing_queues_a_confirmation_and_a_dry_run_builds_nothing_for_unconfirmed_addresses() {
    String data = data();
    Cli.Result sub = Cli.run("digest", "subscribe", "--data", data, "--email", "a@example.org", "--zone", "Europe/Paris");
    assertThat(sub.code()).as(sub.err()).isZero();
    assertThat(sub.out()).contains("Trending papers", "daily at 07:00 Europe/Paris", "confirmation mail");
    Cli.Result run = Cli.run("digest", "run", "--now", "--dry-run", "--data", data);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("due 0, built 0 digests");
    Cli.Result bad = Cli.run("digest", "subscribe", "--data", data, "--email", "a@example.org", "--zone", "Mars/Base");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("Mars/Base");
    assertThat(Cli.run("digest", "subscribe", "--data", data, "--email", "a@example.org", "--kind", "author", "--target", "X").err())
        .contains("sign in");
  }

  @Test
  void export_writes_each_format_and_refuses_unknown_ids_and_formats() {
    String data = data();
    Cli.Result ris = Cli.run("export", "--data", data, "--format", "ris", "--id", "2607.00001,arXiv:2607.00002v1");
    assertThat(ris.code()).as(ris.err()).isZero();
    assertThat(ris.out()).contains("TI  - Paper number 1", "TI  - Paper number 2");
    assertThat(Cli.run("export", "--data", data, "--id", "2607.99999").code()).isEqualTo(3);
    assertThat(Cli.run("export", "--data", data, "--format", "docx", "--id", "2607.00001").code()).isEqualTo(2);
    assertThat(Cli.run("export", "--data", data).code()).as("--id or --query is required").isEqualTo(2);
  }

  @Test
  void a_bibtex_file_is_imported_into_a_members_library() throws Exception {
    String data = data();
    try (CatalogueStore store = TestDatabase.catalogue(tmp); Database db = Database.open(store.url())) {
      new AccountStore(db, new PasswordHasher(1024, 1, 1), java.time.Clock.systemUTC()).signUp("ada", "correct horse battery");
    }
    Path bib = tmp.resolve("refs.bib");
    Files.writeString(bib, "@misc{one, eprint = {2607.00003}, archivePrefix = {arXiv}}\n@book{two, title = {Unknown}}\n");
    Cli.Result r = Cli.run("library", "import-bibtex", "--data", data, "--user", "ada", "--tag", "thesis", bib.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("matched  one", "2607.00003 (by arXiv id)", "no match two", "1 of 2 entries added to ada's library");
    assertThat(Cli.run("library", "import-bibtex", "--data", data, "--user", "nobody", bib.toString()).code()).isEqualTo(2);
    assertThat(Cli.run("library", "import-bibtex", "--data", data, "--user", "ada", tmp.resolve("missing.bib").toString()).code())
        .isEqualTo(3);
  }
}
