package org.paperlens.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the engines the stores run on. The SQL the stores write is the subset both
 * accept (ON CONFLICT upserts, RETURNING, TEXT dates in ISO-8601); the few spellings that differ
 * come from here, and the schema is migrated from one script folder per engine.
 */
public sealed interface Dialect permits Dialect.Sqlite, Dialect.Postgres {

  /** The folder of this engine's Flyway scripts on the classpath. */
  String migrations();

  /** The larger of two integer expressions (SQLite's two-argument {@code MAX} is an aggregate elsewhere). */
  String greatest(String a, String b);

  /** The values of {@code expr} over a group, joined by {@code separator} (one character). */
  String joined(String expr, char separator);

  /**
   * {@code column} compared and sorted by its bytes, as Java's {@code String.compareTo} orders
   * ASCII text: for results that Java code merges or pages through, whatever the server's locale.
   */
  String byteOrder(String column);

  /** Session settings every connection gets before use. */
  void setUp(Connection c) throws SQLException;

  /** Work before the last connection of a process closes. */
  void beforeClose(Connection c) throws SQLException;

  /** The embedded default: one file beside the index. */
  record Sqlite() implements Dialect {
    @Override
    public String migrations() {
      return "classpath:db/migration/sqlite";
    }

    @Override
    public String greatest(String a, String b) {
      return "MAX(" + a + ", " + b + ")";
    }

    @Override
    public String joined(String expr, char separator) {
      return "group_concat(" + expr + ", char(" + (int) separator + "))";
    }

    @Override
    public String byteOrder(String column) {
      return column; // SQLite's default collation, BINARY, is byte order
    }

    @Override
    public void setUp(Connection c) throws SQLException {
      try (Statement st = c.createStatement()) {
        // WAL keeps readers working during a write; NORMAL sync survives a killed process
        // (only power loss can drop the last commit), and busy_timeout waits out other writers.
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=NORMAL");
        st.execute("PRAGMA foreign_keys=ON");
        st.execute("PRAGMA busy_timeout=10000");
      }
    }

    @Override
    public void beforeClose(Connection c) throws SQLException {
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // leave one self-contained file behind
      }
    }
  }

  /** A server shared by several paperlens processes. */
  record Postgres() implements Dialect {
    @Override
    public String migrations() {
      return "classpath:db/migration/postgresql";
    }

    @Override
    public String greatest(String a, String b) {
      return "GREATEST(" + a + ", " + b + ")";
    }

    @Override
    public String joined(String expr, char separator) {
      return "string_agg(" + expr + ", chr(" + (int) separator + "))";
    }

    @Override
    public String byteOrder(String column) {
      return column + " COLLATE \"C\"";
    }

    @Override
    public void setUp(Connection c) {
      // Defaults suit: READ COMMITTED, and the server outlives the process.
    }

    @Override
    public void beforeClose(Connection c) {
      // nothing to flush: the server owns its files
    }
  }
}
