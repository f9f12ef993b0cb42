package org.paperlens.testing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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
    return store.query(w -> {
      List<String> rows = new ArrayList<>();
      for (String sql : List.of(
          "SELECT * FROM papers ORDER BY id",
          "SELECT * FROM paper_versions ORDER BY paper_id, version",
          "SELECT * FROM paper_sources ORDER BY paper_id, source")) {
        try (PreparedStatement st = w.tx().prepare(sql); ResultSet rs = st.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder(md.getTableName(1)).append('|');
            for (int i = 1; i <= md.getColumnCount(); i++) {
              if (md.getColumnName(i).equals("seq")) {
                continue; // bookkeeping: which transaction wrote the row depends on where a run was killed
              }
              row.append(rs.getString(i)).append('|');
            }
            rows.add(row.toString());
          }
        }
      }
      return rows;
    });
  }
}
