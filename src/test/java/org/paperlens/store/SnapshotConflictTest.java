package org.paperlens.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two connections to one SQLite catalogue, as serve has (the catalogue's and the citation store's):
 * a unit of work that reads, then writes after the other connection committed, holds an outdated
 * snapshot and SQLite refuses its write at once, whatever busy_timeout says. It failed a CI run
 * (CitationReplayTest: sign-up's read-then-insert beside the enrichment stage's writes).
 */
class SnapshotConflictTest {

  @TempDir Path tmp;

  @Test
  void a_write_on_an_outdated_snapshot_is_run_again_not_refused() {
    DatabaseUrl url = DatabaseUrl.sqlite(tmp.resolve("catalogue.db"));
    try (Database mine = Database.open(url); Database other = Database.open(url)) {
      mine.transaction(tx -> tx.update("CREATE TABLE names (name TEXT PRIMARY KEY)"));
      AtomicInteger attempts = new AtomicInteger();
      long rows = mine.transaction(tx -> {
        int attempt = attempts.incrementAndGet();
        tx.first("SELECT name FROM names WHERE name = ?", r -> true, "reader"); // the snapshot starts here
        if (attempt == 1) {
          other.transaction(o -> o.update("INSERT INTO names (name) VALUES (?)", "enriched"));
        }
        tx.update("INSERT INTO names (name) VALUES (?)", "reader");
        return tx.number("SELECT count(*) FROM names");
      });
      assertThat(attempts.get()).as("run again once the other commit made its snapshot old").isEqualTo(2);
      assertThat(rows).isEqualTo(2);
    }
  }
}
