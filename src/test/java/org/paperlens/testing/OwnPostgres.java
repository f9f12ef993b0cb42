package org.paperlens.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.paperlens.store.DatabaseUrl;

/**
 * A PostgreSQL cluster of a test's own (its own data directory under {@code target/} and its own
 * port), for tests that stop or restart the server: the shared server on 5432 is never touched.
 * Made with the Debian packages' initdb and pg_ctl; as root they run as the {@code postgres} user
 * (PostgreSQL refuses root), through {@code runuser}. Trust authentication on 127.0.0.1 only.
 * Skips the calling test (fails it on CI) when PostgreSQL 15's programs are not installed.
 */
public final class OwnPostgres implements AutoCloseable {

  static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final Path dir;
  private final int port;
  private boolean running;

  private OwnPostgres(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Makes and starts a new cluster. */
  public static OwnPostgres start() throws Exception {
    Prerequisites.require("PostgreSQL 15 server programs", Files.isExecutable(BIN.resolve("pg_ctl")),
        () -> BIN + "/pg_ctl missing: apt-get install postgresql-15 (.ci/run does)");
    Path dir = Files.createDirectories(Path.of("target")).toAbsolutePath()
        .resolve("own-postgres-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    Files.createDirectories(dir);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    OwnPostgres pg = new OwnPostgres(dir, port);
    if (isRoot()) {
      pg.run(List.of("chown", "-R", "postgres", dir.toString()), false);
    }
    pg.run(List.of(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "paperlens",
        "--auth=trust", "--no-sync", "-E", "UTF8"), true);
    pg.pgStart();
    return pg;
  }

  /** The catalogue URL of this cluster's {@code postgres} database. */
  public DatabaseUrl url() {
    return DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=paperlens", null, null);
  }

  /** Stops the server (fast: open connections are cut, as a restart does) and starts it again. */
  public void restart() throws Exception {
    run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"), true);
    running = false;
    pgStart();
  }

  private void pgStart() throws Exception {
    run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
        "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), true);
    running = true;
  }

  private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (asPostgres && isRoot()) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(command);
    Path out = Files.createTempFile("own-postgres", ".out");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 120 s: " + Files.readString(out));
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + Files.readString(out));
    }
    Files.deleteIfExists(out);
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Override
  public void close() throws Exception {
    if (running) {
      run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"), true);
      running = false;
    }
  }
}
