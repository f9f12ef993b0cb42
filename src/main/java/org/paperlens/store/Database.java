package org.paperlens.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * One connection to the catalogue's database at a time, and the transactions run on it. The only
 * class that opens JDBC connections, and the one place a {@link SQLException} becomes a
 * {@link StoreException}.
 *
 * <p>One connection, so one transaction at a time: callers on several threads are serialised by
 * this object's monitor. A store that must not wait behind another's long scan opens a database
 * of its own. Every call runs in its own transaction, reads included: ending a read lets the next
 * one (and, on SQLite, the next write) see fresh data.
 *
 * <p>The connection comes from a HikariCP pool of one, and is kept between transactions (its
 * prepared statements are a noticeable share of an import's time). When it breaks (a restarted
 * PostgreSQL, a lost network) it is evicted and the pool opens, sets up and validates a new one,
 * waiting up to {@link #CONNECT_TIMEOUT_MS} for the server to be back. A transaction that failed on
 * a broken connection before its commit was sent is run again, whole, once, on the new connection:
 * so a unit of work must have no effect but on the database (every store's is so). One that failed
 * at the commit (it may have landed) or again on the new connection ends in a
 * {@link DatabaseUnavailableException}. Outages are logged once each ({@link Outages}).
 * On SQLite, a unit of work refused as busy (an outdated snapshot beside another connection's
 * commit) is run again, up to {@link #BUSY_ATTEMPTS} times in all.
 */
public final class Database implements AutoCloseable {

  /** Work done inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Tx tx);
  }

  /** How long a transaction waits for a new connection: longer than a restart of PostgreSQL takes. */
  static final long CONNECT_TIMEOUT_MS = 10_000;
  private static final AtomicInteger POOLS = new AtomicInteger();
  /** Every pool's housekeeping on one daemon thread, not one thread per database. */
  private static final ScheduledExecutorService HOUSEKEEPING = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "database-pool-housekeeping");
    t.setDaemon(true);
    return t;
  });

  private final HikariDataSource pool;
  private final DatabaseUrl url;
  private Connection connection;
  private Tx tx;

  private Database(HikariDataSource pool, DatabaseUrl url) {
    this.pool = pool;
    this.url = url;
  }

  /**
   * Brings the schema up to date with this engine's SQL migrations and the Java ones
   * {@code javaMigrations} (their owners, the feature packages, register them: this package knows
   * no feature); creates an SQLite file's folder. A database that cannot be used (read-only,
   * corrupt, full, locked, unreachable) is a {@link StoreException} whose message names the file
   * and the cause ({@link DatabaseFaults}).
   */
  public static void migrate(DatabaseUrl url, List<? extends Migration> javaMigrations) {
    url.file().map(Path::getParent).ifPresent(Database::createDirectories);
    DatabaseFaults.checkFile(url);
    try {
      Flyway.configure()
          .dataSource(url.driverUrl(), url.user(), url.password())
          .locations(url.dialect().migrations())
          .javaMigrations(javaMigrations.toArray(Migration[]::new))
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw DatabaseFaults.migrationFailed(url, e);
    }
  }

  /** Opens a connection; the schema must already be migrated ({@link #migrate}). */
  public static Database open(DatabaseUrl url) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("paperlens-db-" + POOLS.incrementAndGet());
    config.setJdbcUrl(url.driverUrl());
    config.setUsername(url.user());
    config.setPassword(url.password());
    config.setMaximumPoolSize(1);
    config.setMinimumIdle(0); // nothing refills the pool in the background while the server is away
    // SQLite's set-up (journal mode) must run outside a transaction: auto-commit is turned off after it.
    config.setAutoCommit(true);
    // An SQLite file that cannot be opened will not open in ten seconds either.
    config.setConnectionTimeout(url.file().isPresent() ? 1_000 : CONNECT_TIMEOUT_MS);
    config.setValidationTimeout(2_000);
    config.setInitializationFailTimeout(-1); // the first connection is made below, with our message
    config.setScheduledExecutor(HOUSEKEEPING);
    HikariDataSource pool = new HikariDataSource(config);
    Database db = new Database(pool, url);
    try {
      db.connection();
    } catch (SQLException e) {
      pool.close();
      throw new StoreException("cannot open " + url + ": " + DatabaseFaults.cause(e), e);
    }
    return db;
  }

  public DatabaseUrl url() {
    return url;
  }

  public Dialect dialect() {
    return url.dialect();
  }

  /** False while this process cannot reach the database (an outage it has seen and not yet seen end). */
  public boolean reachable() {
    return !Outages.isDown(url);
  }

  /**
   * Runs {@code work} in one transaction: commits if it returns, rolls back if it throws. A
   * {@link SQLException} comes out as a {@link StoreException} naming this database (a
   * {@link DatabaseUnavailableException} when the connection was lost and could not be replaced in
   * time); runtime exceptions (a store's own verdicts) pass through unchanged.
   */
  public synchronized <T> T transaction(Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      Connection c;
      try {
        c = connection();
      } catch (SQLException e) {
        Outages.failed(url, DatabaseFaults.cause(e));
        throw new DatabaseUnavailableException("database " + url + " unreachable: " + DatabaseFaults.cause(e), e);
      }
      tx.begin();
      boolean committing = false;
      try {
        T result = work.run(tx);
        committing = true;
        c.commit();
        Outages.succeeded(url);
        return result;
      } catch (SQLException | RuntimeException e) {
        SQLException sql = e instanceof SqlFailure f ? f.sql() : e instanceof SQLException s ? s : null;
        if (sql != null && broken(c, sql)) {
          discard();
          Outages.failed(url, DatabaseFaults.cause(sql));
          if (attempt == 1 && !committing) {
            continue; // nothing of it was committed: run it again, whole, on a fresh connection
          }
          throw new DatabaseUnavailableException("database " + url + " connection lost"
              + (committing ? " during a commit" : "") + ": " + DatabaseFaults.cause(sql), sql);
        }
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        if (sql == null) {
          throw (RuntimeException) e; // a store's own verdict
        }
        if (attempt < BUSY_ATTEMPTS && busy(sql)) {
          pauseBeforeAttempt(attempt + 1);
          continue; // rolled back, nothing of it committed: run it again on a fresh snapshot
        }
        if (String.valueOf(sql.getSQLState()).startsWith("22")) {
          // A data exception: the value, not the database, is at fault (PostgreSQL refuses a NUL
          // character in text, which SQLite stores). The caller's input error, not an outage.
          throw new IllegalArgumentException("a value cannot be stored: " + sql.getMessage(), sql);
        }
        throw new StoreException(url + ": " + DatabaseFaults.cause(sql), sql);
      }
    }
  }

  /**
   * How many times a unit of work runs when SQLite answers busy. {@code busy_timeout} already waits
   * out another connection's write, but not this case: a transaction that read first and then writes
   * while another connection committed in between holds an outdated snapshot, and SQLite refuses the
   * write at once (SQLITE_BUSY_SNAPSHOT) rather than wait. Only running the work again, on a fresh
   * snapshot, gets past it; the catalogue has several connections in one process (the citation
   * store's, the pipeline's), so it happens under load.
   */
  static final int BUSY_ATTEMPTS = 3;

  private static boolean busy(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("SQLITE_BUSY")) {
        return true;
      }
    }
    return false;
  }

  /** A short, growing pause, so the connection that won can finish its transaction. */
  private static void pauseBeforeAttempt(int attempt) {
    try {
      Thread.sleep(5L * attempt * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The kept connection, or a new one from the pool (set up for this engine) when there is none. */
  private Connection connection() throws SQLException {
    if (connection == null) {
      Connection c = pool.getConnection();
      try {
        url.dialect().setUp(c);
        c.setAutoCommit(false);
      } catch (SQLException e) {
        pool.evictConnection(c);
        c.close();
        throw e;
      }
      connection = c;
      tx = new Tx(c, url.dialect());
    }
    return connection;
  }

  /**
   * Whether {@code c} is unusable after {@code e}: a connection error (SQL state class 08), the
   * server shutting down or starting (57P01 to 57P03), or any failure after which the connection
   * no longer answers its driver's check.
   */
  private static boolean broken(Connection c, SQLException e) {
    String state = String.valueOf(e.getSQLState());
    if (state.startsWith("08") || state.startsWith("57P0")) {
      return true;
    }
    try {
      return c.isClosed() || !c.isValid(2);
    } catch (SQLException notValid) {
      return true;
    }
  }

  /** Drops the broken connection: the pool closes it and opens a new one on the next request. */
  private void discard() {
    Connection c = connection;
    connection = null;
    Tx old = tx;
    tx = null;
    try {
      old.closeStatements();
    } catch (SQLException | RuntimeException ignored) {
      // the connection is gone; so are its statements
    }
    pool.evictConnection(c);
    try {
      c.close();
    } catch (SQLException ignored) {
      // already broken
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (connection != null) {
        tx.closeStatements();
        connection.commit();
        url.dialect().beforeClose(connection);
        connection.close();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot close " + url + ": " + DatabaseFaults.cause(e), e);
    } finally {
      connection = null;
      pool.close();
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
