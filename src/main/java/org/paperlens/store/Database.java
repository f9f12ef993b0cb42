package org.paperlens.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * One connection to the catalogue's database, and the transactions run on it. The only class that
 * opens JDBC connections, and the one place a {@link SQLException} becomes a {@link StoreException}.
 *
 * <p>One connection, so one transaction at a time: callers on several threads are serialised by
 * this object's monitor. A store that must not wait behind another's long scan opens a database
 * of its own. Every call runs in its own transaction, reads included: ending a read lets the next
 * one (and, on SQLite, the next write) see fresh data.
 */
public final class Database implements AutoCloseable {

  /** Work done inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Tx tx);
  }

  private final Connection connection;
  private final DatabaseUrl url;
  private final Tx tx;

  private Database(Connection connection, DatabaseUrl url) {
    this.connection = connection;
    this.url = url;
    this.tx = new Tx(connection, url.dialect());
  }

  /**
   * Brings the schema up to date with this engine's SQL migrations and the Java ones
   * {@code javaMigrations} (their owners, the feature packages, register them: this package knows
   * no feature); creates an SQLite file's folder.
   */
  public static void migrate(DatabaseUrl url, List<? extends Migration> javaMigrations) {
    url.file().map(Path::getParent).ifPresent(Database::createDirectories);
    try {
      Flyway.configure()
          .dataSource(url.driverUrl(), url.user(), url.password())
          .locations(url.dialect().migrations())
          .javaMigrations(javaMigrations.toArray(Migration[]::new))
          .load()
          .migrate();
    } catch (FlywayException e) {
      // Flyway's message quotes the URL it was given, query (and so any password) included.
      String why = String.valueOf(e.getMessage()).replace(url.driverUrl(), url.toString()).lines().findFirst().orElse("");
      throw new StoreException("cannot migrate " + url + ": " + why, e);
    }
  }

  /** Opens a connection; the schema must already be migrated ({@link #migrate}). */
  public static Database open(DatabaseUrl url) {
    Properties props = new Properties();
    if (url.user() != null) {
      props.setProperty("user", url.user());
    }
    if (url.password() != null) {
      props.setProperty("password", url.password());
    }
    try {
      Connection c = DriverManager.getConnection(url.driverUrl(), props);
      try {
        url.dialect().setUp(c);
        c.setAutoCommit(false);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      return new Database(c, url);
    } catch (SQLException e) {
      throw new StoreException("cannot open " + url + ": " + e.getMessage(), e);
    }
  }

  public DatabaseUrl url() {
    return url;
  }

  public Dialect dialect() {
    return url.dialect();
  }

  /**
   * Runs {@code work} in one transaction: commits if it returns, rolls back if it throws. A
   * {@link SQLException} comes out as a {@link StoreException} naming this database; runtime
   * exceptions (a store's own verdicts) pass through unchanged.
   */
  public synchronized <T> T transaction(Work<T> work) {
    tx.begin();
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
      SQLException sql = e instanceof SqlFailure f ? f.sql() : e instanceof SQLException s ? s : null;
      if (sql == null) {
        throw (RuntimeException) e; // a store's own verdict
      }
      if (String.valueOf(sql.getSQLState()).startsWith("22")) {
        // A data exception: the value, not the database, is at fault (PostgreSQL refuses a NUL
        // character in text, which SQLite stores). The caller's input error, not an outage.
        throw new IllegalArgumentException("a value cannot be stored: " + sql.getMessage(), sql);
      }
      throw new StoreException(url + ": " + sql.getMessage(), sql);
    }
  }

  @Override
  public synchronized void close() {
    try {
      tx.closeStatements();
      connection.commit();
      url.dialect().beforeClose(connection);
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close " + url + ": " + e.getMessage(), e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create data directory " + dir + ": " + e.getMessage(), e);
    }
  }
}
