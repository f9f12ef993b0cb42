package org.paperlens.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.index.lucene.IndexSnapshot;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.search.SearchFixture;
import org.paperlens.testing.CatalogueDump;
import org.paperlens.testing.Cli;
import org.paperlens.testing.TestDatabase;

/**
 * {@code paperlens backup DIR} and {@code paperlens restore DIR} on SQLite, through the command
 * line: a restored data directory has the same catalogue rows and answers searches the same, its
 * index is never ahead of its catalogue (issue 21: "index at change 165 of 162" after a restore left
 * every later paper unsearchable), and it starts with mail held. The PostgreSQL path is pg_dump's.
 */
class BackupRestoreTest {

  @TempDir Path tmp;
  Path data;

  @BeforeEach
  void populate() throws Exception {
    assumeFalse(TestDatabase.onPostgres(), "backup of a PostgreSQL catalogue is pg_dump's job: tested on SQLite");
    data = tmp.resolve("data");
    try (CatalogueStore store = SearchFixture.catalogue(data)) {
      SearchFixture.index(store, data.resolve("index"));
      // One change after the index was built: the copy must carry the index behind, never ahead.
      Paper p = store.find(store.changedPapers(0, Long.MAX_VALUE, null, 1).getFirst()).orElseThrow();
      store.write(w -> {
        w.put(new Paper(p.id(), p.version(), p.title() + " revisited", p.abstractText(), p.authors(), p.primaryCategory(),
            p.categories(), p.classes(), p.submitted(), p.updated(), p.firstListed(), p.comment(), p.journalRef(), p.doi(),
            p.absUrl(), p.pdfUrl(), p.source()));
        return null;
      });
    }
  }

  @Test
  void a_restored_copy_has_the_same_rows_and_search_results_an_index_behind_its_catalogue_and_mail_held() throws Exception {
    Path backup = tmp.resolve("backup");
    Cli.Result made = Cli.run("--data", data.toString(), "backup", backup.toString());
    assertThat(made.code()).as(made.out() + made.err()).isZero();
    Manifest m = Manifest.read(backup);
    assertThat(m.engine()).isEqualTo("sqlite");
    assertThat(m.indexWatermark()).isNotNull().isLessThan(m.catalogueChange());
    assertThat(m.files()).containsKeys("catalogue.db", "index/CURRENT");
    assertThat(m.schema()).isNotBlank();

    Path restored = tmp.resolve("restored");
    Cli.Result back = Cli.run("--data", restored.toString(), "restore", backup.toString());
    assertThat(back.code()).as(back.out() + back.err()).isZero();
    assertThat(back.out()).contains("mail is held", "paperlens mail resume");

    try (CatalogueStore a = CatalogueStore.connect(TestDatabase.url(data)); CatalogueStore b = CatalogueStore.connect(TestDatabase.url(restored))) {
      List<String> rows = CatalogueDump.of(a);
      assertThat(rows).isNotEmpty();
      assertThat(CatalogueDump.of(b)).isEqualTo(rows);
      assertThat(b.sequence()).isEqualTo(m.catalogueChange());
      assertThat(IndexSnapshot.watermark(restored.resolve("index"))).contains(m.indexWatermark());
    }
    for (String q : List.of("attention", "graph neural", "au:smith")) {
      Cli.Result original = Cli.run("--data", data.toString(), "search", q, "--mode", "keyword", "--json");
      Cli.Result copy = Cli.run("--data", restored.toString(), "search", q, "--mode", "keyword", "--json");
      assertThat(copy.code()).as(copy.err()).isEqualTo(original.code());
      assertThat(withoutTime(copy.out())).isEqualTo(withoutTime(original.out())).contains("\"hits\"");
    }
    assertThat(MailHold.of(restored).held()).isTrue();
    assertThat(Cli.run("--data", restored.toString(), "mail").out()).contains("mail is held");
    assertThat(Cli.run("--data", restored.toString(), "mail", "resume").out()).contains("mail resumed");
    assertThat(MailHold.of(restored).held()).isFalse();
  }

  /** The answer without the time it took. */
  private static String withoutTime(String json) throws Exception {
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    tree.remove("millis");
    return tree.toString();
  }

  @Test
  void a_restore_never_overwrites_and_a_damaged_backup_is_refused() throws Exception {
    Path backup = tmp.resolve("backup");
    assertThat(Cli.run("--data", data.toString(), "backup", backup.toString()).code()).isZero();
    Cli.Result again = Cli.run("--data", data.toString(), "backup", backup.toString());
    assertThat(again.code()).isNotZero();
    assertThat(again.err()).contains("is not empty");

    Cli.Result over = Cli.run("--data", data.toString(), "restore", backup.toString());
    assertThat(over.code()).isNotZero();
    assertThat(over.err()).contains("exists", "never overwrites");

    Files.writeString(backup.resolve("index/CURRENT"), "gen-999999\n");
    Cli.Result damaged = Cli.run("--data", tmp.resolve("other").toString(), "restore", backup.toString());
    assertThat(damaged.code()).isNotZero();
    assertThat(damaged.err()).contains("damaged", "index/CURRENT");
    assertThat(Files.exists(tmp.resolve("other/catalogue.db"))).isFalse();
  }
}
