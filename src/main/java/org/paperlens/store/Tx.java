package org.paperlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One transaction of a {@link Database}: what a store's SQL runs through. Valid only inside the
 * {@link Database.Work} it was handed to; not thread-safe (its database serialises callers).
 *
 * <p>Statements from {@link #prepared} are kept for the life of the connection: preparing is a
 * noticeable share of an import's time. A cached statement is one per SQL text, so a caller must
 * finish reading its results before running the same SQL again; {@link #prepare} gives a fresh one
 * for the rare nested use.
 */
public final class Tx {
  private final Connection c;
  private final Dialect dialect;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private long changeSeq;

  Tx(Connection c, Dialect dialect) {
    this.c = c;
    this.dialect = dialect;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The statement for {@code sql}, prepared once and reused; parameters are cleared first. */
  public PreparedStatement prepared(String sql) throws SQLException {
    PreparedStatement st = statements.get(sql);
    if (st == null) {
      st = c.prepareStatement(sql);
      statements.put(sql, st);
    }
    st.clearParameters();
    return st;
  }

  /** A statement of the caller's own, to be closed by it (try-with-resources). */
  public PreparedStatement prepare(String sql) throws SQLException {
    return c.prepareStatement(sql);
  }

  /** Binds {@code args} in order and runs an update; returns the row count. */
  public int update(String sql, Object... args) throws SQLException {
    PreparedStatement st = prepared(sql);
    bind(st, args);
    return st.executeUpdate();
  }

  /** Binds {@code args} in order for a query. */
  public PreparedStatement query(String sql, Object... args) throws SQLException {
    PreparedStatement st = prepared(sql);
    bind(st, args);
    return st;
  }

  /**
   * A number for "the changes of this transaction", taken from the one-row counter table
   * {@code counter} on first use and then the same until the transaction ends. Updating the row
   * locks it until commit, on SQLite (one writer) and on PostgreSQL (a row lock) alike, so two
   * transactions that take numbers commit in the order of their numbers: a reader that sees
   * number N sees every change numbered N or lower. The catalogue's index catch-up relies on that.
   */
  public long changeNumber(String counter) throws SQLException {
    if (changeSeq == 0) {
      try (var rs = query("UPDATE " + counter + " SET value = value + 1 WHERE id = 1 RETURNING value").executeQuery()) {
        rs.next();
        changeSeq = rs.getLong(1);
      }
    }
    return changeSeq;
  }

  void begin() {
    changeSeq = 0;
  }

  private static void bind(PreparedStatement st, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      st.setObject(i + 1, args[i]);
    }
  }

  void closeStatements() throws SQLException {
    for (PreparedStatement st : statements.values()) {
      st.close();
    }
    statements.clear();
  }
}
