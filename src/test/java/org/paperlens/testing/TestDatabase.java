package org.paperlens.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.paperlens.config.Config;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.store.DatabaseUrl;

/**
 * The database a test's catalogue lives in. By default the SQLite file in the test's data
 * directory, as in production. With {@code -Dpaperlens.test.db=postgresql} (the pom's second
 * test run) every data directory gets a fresh PostgreSQL schema of its own instead, in a database
 * per test JVM on the server {@code $PAPERLENS_TEST_PG} names (a JDBC URL of a role that may
 * create databases), dropped by the next test JVM once this one has ended. When that server cannot be reached the test is skipped with a
 * message on the console, unless {@code $PAPERLENS_TEST_PG_REQUIRED} or {@code CI=true} is set, and then it
 * fails (see {@link Prerequisites}).
 */
public final class TestDatabase {

  public static final String ENGINE_PROPERTY = "paperlens.test.db";
  public static final String SERVER_ENV = "PAPERLENS_TEST_PG";
  public static final String REQUIRED_ENV = "PAPERLENS_TEST_PG_REQUIRED";
  /** The role .ci/run creates. */
  static final String DEFAULT_SERVER = "jdbc:postgresql://localhost:5432/postgres?user=paperlens&password=paperlens";

  private static final Map<Path, DatabaseUrl> BY_DIR = new ConcurrentHashMap<>();
  private static final String PREFIX = "paperlens_t_";
  private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

  private TestDatabase() {}

  /** Whether this run puts the catalogues on PostgreSQL. */
  public static boolean onPostgres() {
    return "postgresql".equals(System.getProperty(ENGINE_PROPERTY));
  }

  /** The database of data directory {@code dataDir}: the same one each time it is asked for. */
  public static DatabaseUrl url(Path dataDir) {
    if (!onPostgres()) {
      return DatabaseUrl.sqlite(dataDir.resolve("catalogue.db"));
    }
    return BY_DIR.computeIfAbsent(dataDir.toAbsolutePath().normalize(), d -> freshPostgres());
  }

  /** Opens (and migrates) the catalogue of {@code dataDir}. */
  public static CatalogueStore catalogue(Path dataDir) {
    return CatalogueStore.open(url(dataDir));
  }

  /** {@code config} on its data directory's test database. */
  public static Config config(Config config) {
    return onPostgres() ? config.withDatabase(url(config.dataDir())) : config;
  }

  /** {@code args} of an in-process command with {@code --db} added after {@code --data DIR} on a PostgreSQL run. */
  public static String[] withDatabase(String[] args) {
    int data = List.of(args).indexOf("--data");
    if (!onPostgres() || data < 0 || data + 1 >= args.length || List.of(args).contains("--db")) {
      return args;
    }
    List<String> out = new java.util.ArrayList<>(List.of(args));
    out.addAll(data + 2, List.of("--db", url(Path.of(args[data + 1])).jdbcUrl()));
    return out.toArray(String[]::new);
  }

  /** Environment that points a child {@code paperlens --data dataDir} at the same database. */
  public static Map<String, String> childEnvironment(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    if (onPostgres()) {
      env.put(Config.DB_ENV, url(dataDir).jdbcUrl());
    }
    return env;
  }

  /**
   * A new, empty schema in this JVM's test database (created on first use): as good as a database
   * of its own to the stores, and far cheaper to make than one. Skips (or, on CI, fails) the test
   * when there is no server.
   */
  public static synchronized DatabaseUrl freshPostgres() {
    String server = System.getenv().getOrDefault(SERVER_ENV, DEFAULT_SERVER);
    String database = PREFIX + ProcessHandle.current().pid();
    String url = withDatabase(server, database);
    try {
      if (COUNT.get() == 0) {
        try (Connection c = DriverManager.getConnection(server); Statement st = c.createStatement()) {
          dropLeftovers(st);
          st.execute("CREATE DATABASE " + database);
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
          // Database-wide, so in public where every schema's search path finds it (see below).
          st.execute("CREATE EXTENSION IF NOT EXISTS citext SCHEMA public");
        }
      }
      String schema = "s" + COUNT.incrementAndGet();
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA " + schema);
      }
      return DatabaseUrl.parse(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public", null, null);
    } catch (SQLException e) {
      String why = "PostgreSQL is not reachable at " + DatabaseUrl.parse(server, null, null) + " (" + e.getMessage()
          + "); set $" + SERVER_ENV + " to a JDBC URL of a role that may create databases";
      if (System.getenv(REQUIRED_ENV) != null) {
        throw new IllegalStateException(why, e);
      }
      Prerequisites.require("PostgreSQL", false, () -> why);
      throw new AssertionError(why); // not reached: require throws
    }
  }

  /** {@code server} with its database name replaced. */
  static String withDatabase(String server, String name) {
    int hostStart = server.indexOf("//") + 2;
    int slash = server.indexOf('/', hostStart);
    int query = server.indexOf('?');
    String head = slash < 0 ? (query < 0 ? server : server.substring(0, query)) : server.substring(0, slash);
    return head + "/" + name + (query < 0 ? "" : server.substring(query));
  }

  /**
   * Drops the databases of test JVMs that have ended: a JVM cannot drop its own on the way out
   * (its stores may still hold connections, and a SIGKILLed one runs nothing).
   */
  private static void dropLeftovers(Statement st) throws SQLException {
    List<String> names = new java.util.ArrayList<>();
    try (var rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    for (String name : names) {
      var m = java.util.regex.Pattern.compile(PREFIX + "(\\d+)").matcher(name);
      if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }
}
