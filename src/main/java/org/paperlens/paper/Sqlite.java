package org.paperlens.paper;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens connections to the catalogue's SQLite file, set up the same way for every store that shares it. */
public final class Sqlite {

  private Sqlite() {}

  /** A connection in manual-commit mode. */
  public static Connection open(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement st = c.createStatement()) {
      // WAL keeps readers working during a write; NORMAL sync survives a killed process
      // (only power loss can drop the last commit), and busy_timeout waits out other writers.
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("PRAGMA synchronous=NORMAL");
      st.execute("PRAGMA foreign_keys=ON");
      st.execute("PRAGMA busy_timeout=10000");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    c.setAutoCommit(false);
    return c;
  }
}
