package org.paperlens.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.paperlens.store.DatabaseUrl;
import org.paperlens.store.Dialect;

/**
 * {@code paperlens restore DIR}: a backup into a data directory that holds no catalogue and no
 * index yet (a restore never overwrites), every file checked against the manifest's SHA-256 first.
 * The index copy and the catalogue copy fit together (see {@link Backup}): the restored server
 * catches the index up from its watermark, no rebuild needed. Mail is left held
 * ({@link MailHold}) until the operator runs {@code paperlens mail resume}.
 */
public final class Restore {

  private Restore() {}

  /**
   * @param source a directory written by {@link Backup}
   * @param catalogue the database to restore the catalogue into (its SQLite file must not exist;
   *     for PostgreSQL the pg_restore command is printed)
   * @param dataDir the data directory: the index goes into {@code dataDir/index}, the mail hold beside it
   */
  public static Manifest run(Path source, DatabaseUrl catalogue, Path dataDir, Consumer<String> say) throws IOException {
    Manifest m = Manifest.read(source);
    for (Map.Entry<String, String> f : m.files().entrySet()) {
      Path p = source.resolve(f.getKey());
      if (!Files.isRegularFile(p)) {
        throw new IOException("the backup in " + source + " is incomplete: " + f.getKey() + " is missing");
      }
      if (!Backup.sha256(p).equals(f.getValue())) {
        throw new IOException("the backup in " + source + " is damaged: " + f.getKey() + " does not match its SHA-256 in " + Manifest.FILE);
      }
    }
    boolean sqlite = catalogue.dialect() instanceof Dialect.Sqlite;
    if (sqlite != m.engine().equals("sqlite")) {
      throw new IOException("the backup holds a " + m.engine() + " catalogue and the target is " + (sqlite ? "SQLite" : "PostgreSQL")
          + " (" + catalogue + "): restore into the same engine");
    }
    Path indexRoot = dataDir.resolve("index");
    if (Files.exists(indexRoot) && !isEmptyDir(indexRoot)) {
      throw new IOException(indexRoot + " exists: a restore never overwrites an index; restore into a new data directory");
    }
    if (sqlite) {
      Path file = catalogue.file().orElseThrow();
      if (Files.exists(file)) {
        throw new IOException(file + " exists: a restore never overwrites a catalogue; restore into a new data directory");
      }
      if (m.catalogueFile() == null) {
        throw new IOException("the backup in " + source + " holds no catalogue");
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      // The hold first: a server started on this directory while the copy runs must find mail held already.
      MailHold.of(dataDir).hold("held by paperlens restore from " + source.toAbsolutePath().normalize() + " at " + Instant.now());
      Path tmp = file.resolveSibling(file.getFileName() + ".restoring");
      Files.copy(source.resolve(m.catalogueFile()), tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      say.accept(String.format("catalogue: restored into %s, at change %,d (schema %s)", file, m.catalogueChange(), m.schema()));
    } else {
      MailHold.of(dataDir).hold("held by paperlens restore from " + source.toAbsolutePath().normalize() + " at " + Instant.now());
      PgTools pg = PgTools.of(catalogue);
      say.accept("catalogue: PostgreSQL is restored with its own tool. Into an empty database, run:");
      say.accept("  " + pg.shown(pg.restore(source.resolve(m.catalogueFile() == null ? "catalogue.pgdump" : m.catalogueFile()))));
    }
    if (m.indexWatermark() != null) {
      copyTree(source.resolve("index"), indexRoot);
      say.accept(String.format("index: restored at catalogue change %,d; serve catches it up on the %,d change(s) after it",
          m.indexWatermark(), m.catalogueChange() - m.indexWatermark()));
    } else {
      say.accept("index: none in the backup; serve builds one (or run `paperlens reindex`)");
    }
    say.accept("mail is held for " + dataDir + ": nothing is mailed until `paperlens mail resume --data " + dataDir + "`");
    return m;
  }

  private static boolean isEmptyDir(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
