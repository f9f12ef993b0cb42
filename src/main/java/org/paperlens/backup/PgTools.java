package org.paperlens.backup;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.store.DatabaseUrl;

/**
 * PostgreSQL's own backup tools, {@code pg_dump} and {@code pg_restore}, pointed at a catalogue's
 * database: the libpq address made from its JDBC URL, the user and password passed in the
 * environment ({@code PGUSER}, {@code PGPASSWORD}) so no password shows in a process list or a
 * printed command.
 */
record PgTools(String address, String user, String password) {

  static PgTools of(DatabaseUrl url) {
    String jdbc = url.jdbcUrl().substring("jdbc:".length());
    int q = jdbc.indexOf('?');
    Map<String, String> params = new LinkedHashMap<>();
    if (q >= 0) {
      for (String kv : jdbc.substring(q + 1).split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          params.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      jdbc = jdbc.substring(0, q);
    }
    String user = url.user() != null ? url.user() : params.get("user");
    String password = url.password() != null ? url.password() : params.get("password");
    String ssl = params.containsKey("sslmode") ? "?sslmode=" + params.get("sslmode") : "";
    return new PgTools(jdbc + ssl, user, password);
  }

  List<String> dump(Path file) {
    return List.of("pg_dump", "--format=custom", "--no-owner", "--file", file.toString(), "--dbname", address);
  }

  List<String> restore(Path file) {
    return List.of("pg_restore", "--no-owner", "--exit-on-error", "--dbname", address, file.toString());
  }

  /** The command as an operator would type it, without the password. */
  String shown(List<String> command) {
    List<String> out = new ArrayList<>();
    if (user != null) {
      out.add("PGUSER=" + user);
    }
    if (password != null) {
      out.add("PGPASSWORD=...");
    }
    command.forEach(c -> out.add(c.contains(" ") || c.contains("?") || c.contains("&") ? "'" + c + "'" : c));
    return String.join(" ", out);
  }

  static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code command}; its output goes to this process's; fails with its exit code. */
  void run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
    if (user != null) {
      pb.environment().put("PGUSER", user);
    }
    if (password != null) {
      pb.environment().put("PGPASSWORD", password);
    }
    int code = pb.start().waitFor();
    if (code != 0) {
      throw new IOException(command.get(0) + " failed with exit code " + code + ": " + shown(command));
    }
  }
}
