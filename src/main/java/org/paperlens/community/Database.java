package org.paperlens.community;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.paperlens.paper.CatalogueException;
import org.paperlens.paper.Sqlite;

/**
 * The connection the community stores (accounts, votes, library) share: the catalogue's SQLite
 * file, whose schema {@link org.paperlens.paper.CatalogueStore#open} has already migrated.
 *
 * <p>One connection, so one writer; calls are serialised by this object's monitor and each runs
 * in its own transaction. WAL mode lets the catalogue's connection read while this one writes,
 * and the busy timeout waits out a writer in another process (an import) instead of failing.
 * Prepared statements are kept for the life of the connection.
 */
public final class Database implements AutoCloseable {

  /** Work done inside one transaction with the prepared-statement cache. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Database.Tx tx) throws SQLException;
  }

  private final Connection connection;
  private final Path file;
  private final Tx tx;

  private Database(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
    this.tx = new Tx(connection);
  }

  /** Opens the catalogue file {@code file}; its schema must already be migrated. */
  public static Database open(Path file) {
    try {
      return new Database(Sqlite.open(file), file);
    } catch (SQLException e) {
      throw new CatalogueException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction: commits if it returns, rolls back if it throws. */
  public synchronized <T> T transaction(Work<T> work) {
    try {
      T result = work.run(tx);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new CatalogueException("database " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      tx.closeStatements();
      connection.commit();
      connection.close();
    } catch (SQLException e) {
      throw new CatalogueException("cannot close " + file + ": " + e.getMessage(), e);
    }
  }

  /** Access to prepared statements during a {@link Work} call; valid only inside it. */
  public static final class Tx {
    private final Connection c;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private Tx(Connection c) {
      this.c = c;
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

    private static void bind(PreparedStatement st, Object... args) throws SQLException {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
    }

    private void closeStatements() throws SQLException {
      for (PreparedStatement st : statements.values()) {
        st.close();
      }
      statements.clear();
    }
  }
}
