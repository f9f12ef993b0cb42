package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.paperlens.paper.CodeLinks;

/**
 * Adds {@code papers.has_code}: whether the abstract or comment links a code repository, so the
 * daily listing can offer "with code" in SQL. Derived data, kept by {@code CatalogueStore} on
 * every write; this fills it for the papers already there. In Java, because the rule is
 * {@link CodeLinks}'s, not a second copy of it in SQL.
 */
public class V9__Code_links extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    var c = context.getConnection();
    try (Statement st = c.createStatement()) {
      st.executeUpdate("ALTER TABLE papers ADD COLUMN has_code INTEGER NOT NULL DEFAULT 0");
    }
    java.util.List<String> withCode = new java.util.ArrayList<>();
    try (Statement read = c.createStatement();
        ResultSet rs = read.executeQuery("SELECT id, abstract, comment FROM papers WHERE abstract IS NOT NULL OR comment IS NOT NULL")) {
      while (rs.next()) {
        if (CodeLinks.hasCode(rs.getString(2), rs.getString(3))) {
          withCode.add(rs.getString(1));
        }
      }
    }
    // Written after the scan: SQLite may revisit rows updated under an open cursor.
    try (PreparedStatement mark = c.prepareStatement("UPDATE papers SET has_code = 1 WHERE id = ?")) {
      for (String id : withCode) {
        mark.setString(1, id);
        mark.addBatch();
      }
      mark.executeBatch();
    }
  }
}
