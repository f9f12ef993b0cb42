package org.paperlens.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A consistent copy of a live SQLite catalogue, made while {@code serve} keeps writing: SQLite's
 * {@code VACUUM INTO} reads the database in one read transaction (a snapshot, in WAL mode never
 * blocking the writer) and writes a compact, self-contained file. PostgreSQL is copied with its
 * own tools ({@code pg_dump}); see {@code backup.Backup}.
 */
public final class OnlineBackup {

  private OnlineBackup() {}

  /**
   * Copies the SQLite catalogue {@code url} into {@code target}, which must not exist.
   *
   * @throws StoreException when the database cannot be read or the copy written, naming both
   */
  public static void sqlite(DatabaseUrl url, Path target) {
    if (!(url.dialect() instanceof Dialect.Sqlite)) {
      throw new IllegalArgumentException("an online copy with VACUUM INTO is for SQLite; " + url + " is PostgreSQL: use pg_dump");
    }
    if (Files.exists(target)) {
      throw new StoreException("cannot back up into " + target + ": it exists already", null);
    }
    // A connection of its own in auto-commit mode: VACUUM cannot run inside a transaction, and the
    // Database class keeps one open on every connection it makes.
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url.jdbcUrl());
        java.sql.Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 30000");
      st.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
    } catch (java.sql.SQLException e) {
      throw new StoreException("cannot copy " + url + " into " + target + ": " + e.getMessage(), e);
    }
  }

  /** The schema version Flyway last applied to {@code url}'s database, if it has been migrated. */
  public static Optional<String> schemaVersion(DatabaseUrl url) {
    try (Database db = Database.open(url)) {
      return db.transaction(tx -> tx.text("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
          + " ORDER BY installed_rank DESC LIMIT 1"));
    }
  }
}
