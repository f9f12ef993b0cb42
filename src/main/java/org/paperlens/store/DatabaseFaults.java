package org.paperlens.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.FlywayException;

/**
 * Why a database cannot be used, in words an operator acts on: the file and the cause (read-only,
 * not a database or damaged, disk full, locked by another program, unreachable), instead of the
 * message of whichever layer noticed first (Flyway's "Unable to check whether table
 * flyway_schema_history exists" for a read-only folder and a truncated file alike).
 */
final class DatabaseFaults {

  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** An SQLite result code in the driver's message, and what it means to an operator. */
  private record Known(String code, String meaning) {}

  private static final List<Known> SQLITE = List.of(
      new Known("SQLITE_READONLY", "it is read-only (the file or its folder cannot be written: permissions or a read-only file system)"),
      new Known("SQLITE_PERM", "permission denied"),
      new Known("SQLITE_CANTOPEN", "it cannot be opened (a missing or unwritable folder, or permissions)"),
      new Known("SQLITE_NOTADB", "it is not an SQLite database, or its first page is damaged (a truncated or overwritten file): restore it from a backup"),
      new Known("SQLITE_CORRUPT", "it is damaged (corrupt or truncated): restore it from a backup"),
      new Known("SQLITE_FULL", "the disk is full"),
      new Known("SQLITE_BUSY", "it is locked by another program writing to it"),
      new Known("SQLITE_LOCKED", "it is locked by another program writing to it"),
      new Known("SQLITE_IOERR", "the disk reported an I/O error"));

  private DatabaseFaults() {}

  /**
   * Checks an SQLite file before anything opens it: its folder writable (SQLite writes the
   * {@code -wal} and {@code -shm} files beside it), the file writable and an SQLite database.
   */
  static void checkFile(DatabaseUrl url) {
    Path file = url.file().orElse(null);
    if (file == null) {
      return;
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && Files.isDirectory(dir) && !Files.isWritable(dir)) {
      throw new StoreException("cannot use the catalogue " + file + ": its folder " + dir
          + " is read-only (paperlens writes the database and its -wal and -shm files there)", null);
    }
    if (!Files.exists(file)) {
      return; // a new catalogue
    }
    if (!Files.isRegularFile(file)) {
      throw new StoreException("cannot use the catalogue " + file + ": it is not a regular file", null);
    }
    if (!Files.isWritable(file)) {
      throw new StoreException("cannot use the catalogue " + file + ": the file is read-only", null);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(SQLITE_HEADER.length);
      if (head.length > 0 && !Arrays.equals(head, SQLITE_HEADER)) {
        throw new StoreException("cannot use the catalogue " + file + ": it is not an SQLite database"
            + (head.length < SQLITE_HEADER.length ? " (" + head.length + " bytes: truncated)" : " (its header is damaged)")
            + "; restore it from a backup", null);
      }
    } catch (IOException e) {
      throw new StoreException("cannot read the catalogue " + file + ": " + e.getMessage(), e);
    }
  }

  /** Flyway's failure as one line naming the database and the cause underneath it. */
  static StoreException migrationFailed(DatabaseUrl url, FlywayException e) {
    SQLException sql = sqlCause(e);
    if (sql != null) {
      return new StoreException("cannot use the catalogue " + where(url) + ": " + cause(sql), e);
    }
    // Flyway's message quotes the URL it was given, query (and so any password) included.
    String why = String.valueOf(e.getMessage()).replace(url.driverUrl(), url.toString()).lines().findFirst().orElse("");
    return new StoreException("cannot migrate " + url + ": " + why, e);
  }

  /**
   * The cause of {@code e} in one line: an SQLite result code in words, a PostgreSQL connection
   * failure as such, else the deepest SQL message (a pool's "request timed out" names its cause).
   */
  static String cause(Throwable e) {
    SQLException sql = e instanceof SQLException s ? s : sqlCause(e);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getCause() instanceof SQLException deeper) {
        sql = deeper;
      }
    }
    String message = sql == null ? String.valueOf(e.getMessage()) : String.valueOf(sql.getMessage());
    String upper = message.toUpperCase(Locale.ROOT);
    for (Known k : SQLITE) {
      if (upper.contains(k.code())) {
        return k.meaning() + " [" + k.code() + "]";
      }
    }
    if (upper.contains("READONLY") || upper.contains("READ-ONLY")) {
      return "it is read-only: " + firstLine(message);
    }
    if (upper.contains("NO SPACE LEFT")) {
      return "the disk is full: " + firstLine(message);
    }
    return firstLine(message);
  }

  private static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }

  private static String where(DatabaseUrl url) {
    return url.file().map(Path::toString).orElse(url.toString());
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse("").strip();
  }
}
