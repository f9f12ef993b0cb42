package org.paperlens.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the catalogue and every other store live: an SQLite file (the default, in the data
 * directory) or a PostgreSQL database ({@code --db jdbc:postgresql://host:5432/name}). User and
 * password come in the URL's query ({@code ?user=...&password=...}) or from the environment.
 *
 * @param jdbcUrl the URL as the driver takes it
 * @param user null when the URL (or the engine) needs none
 * @param password null when the URL (or the engine) needs none
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  private static final String SQLITE = "jdbc:sqlite:";
  private static final String POSTGRES = "jdbc:postgresql://";

  public DatabaseUrl {
    if (jdbcUrl == null || !(jdbcUrl.startsWith(SQLITE) || jdbcUrl.startsWith(POSTGRES))) {
      throw new IllegalArgumentException("a database is " + SQLITE + "FILE or " + POSTGRES
          + "HOST[:PORT]/NAME, was '" + shown(jdbcUrl) + "'");
    }
  }

  /** The SQLite database in {@code file}. */
  public static DatabaseUrl sqlite(Path file) {
    return new DatabaseUrl(SQLITE + file, null, null);
  }

  /** The default: the SQLite file {@code catalogue.db} in {@code dataDir}. */
  public static DatabaseUrl inDataDir(Path dataDir) {
    return sqlite(dataDir.resolve("catalogue.db"));
  }

  /** Parses a {@code --db} value; user and password given separately fill in what the URL leaves out. */
  public static DatabaseUrl parse(String url, String user, String password) {
    String u = url == null ? null : url.strip();
    if (u != null && u.toLowerCase(Locale.ROOT).startsWith("postgresql://")) {
      u = "jdbc:" + u; // the form libpq and most tools print
    }
    return new DatabaseUrl(u, blankToNull(user), blankToNull(password));
  }

  public Dialect dialect() {
    return jdbcUrl.startsWith(SQLITE) ? new Dialect.Sqlite() : new Dialect.Postgres();
  }

  /** The SQLite file, when this is one. */
  public Optional<Path> file() {
    return jdbcUrl.startsWith(SQLITE) ? Optional.of(Path.of(jdbcUrl.substring(SQLITE.length()))) : Optional.empty();
  }

  /** The URL to hand the driver: PostgreSQL gets untyped string parameters (see below). */
  String driverUrl() {
    if (dialect() instanceof Dialect.Sqlite) {
      return jdbcUrl;
    }
    // The stores bind ISO-8601 dates, ids and counts as the types SQLite takes them; untyped
    // strings let PostgreSQL cast each to its column's type instead of refusing text for bigint.
    return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "stringtype=unspecified";
  }

  /** For messages and logs: the URL without its query, so a password never reaches a log. */
  @Override
  public String toString() {
    return shown(jdbcUrl);
  }

  private static String shown(String url) {
    if (url == null) {
      return "";
    }
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?...";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
