package org.paperlens.testing;

import java.util.ArrayList;
import java.util.List;
import org.paperlens.paper.CatalogueStore;

/**
 * Every row of the catalogue's paper tables as text, in a fixed order, so two catalogues can be
 * compared for exact equality (the kill-and-rerun tests).
 */
public final class CatalogueDump {

  private CatalogueDump() {}

  public static List<String> of(CatalogueStore store) {
    return store.database().transaction(tx -> {
      List<String> rows = new ArrayList<>();
      for (String table : List.of("papers ORDER BY id", "paper_versions ORDER BY paper_id, version",
          "paper_sources ORDER BY paper_id, source")) {
        tx.forEach("SELECT * FROM " + table, r -> {
          StringBuilder row = new StringBuilder(table.substring(0, table.indexOf(' '))).append('|');
          for (int i = 1; i <= r.columnCount(); i++) {
            if (r.columnName(i).equals("seq")) {
              continue; // bookkeeping: which transaction wrote the row depends on where a run was killed
            }
            row.append(r.getString(i)).append('|');
          }
          rows.add(row.toString());
        });
      }
      return rows;
    });
  }
}
