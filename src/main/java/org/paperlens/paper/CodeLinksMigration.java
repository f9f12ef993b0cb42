package org.paperlens.paper;

import java.util.ArrayList;
import java.util.List;
import org.paperlens.store.Migration;
import org.paperlens.store.Tx;

/**
 * Version 9: adds {@code papers.has_code}: whether the abstract or comment links a code
 * repository, so the daily listing can offer "with code" in SQL. Derived data, kept by
 * {@code CatalogueStore} on every write; this fills it for the papers already there. In Java,
 * because the rule is {@link CodeLinks}'s, not a second copy of it in SQL. (Until the store layer
 * took its migrations from the features, this was the class {@code db.migration.V9__Code_links};
 * Flyway matches an applied step by version and description, so databases migrated then are valid.)
 */
final class CodeLinksMigration extends Migration {

  CodeLinksMigration() {
    super("9", "Code links");
  }

  @Override
  protected void migrate(Tx tx) {
    tx.update("ALTER TABLE papers ADD COLUMN has_code INTEGER NOT NULL DEFAULT 0");
    List<Object[]> withCode = new ArrayList<>();
    tx.forEach("SELECT id, abstract, comment FROM papers WHERE abstract IS NOT NULL OR comment IS NOT NULL", r -> {
      if (CodeLinks.hasCode(r.getString(2), r.getString(3))) {
        withCode.add(new Object[] {r.getString(1)});
      }
    });
    // Written after the scan: SQLite may revisit rows updated under an open cursor.
    tx.batch("UPDATE papers SET has_code = 1 WHERE id = ?", withCode);
  }
}
