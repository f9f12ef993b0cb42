package org.paperlens.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.paperlens.index.lucene.IndexSnapshot;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.store.DatabaseUrl;
import org.paperlens.store.Dialect;
import org.paperlens.store.OnlineBackup;

/**
 * {@code paperlens backup DIR}, safe while {@code serve} runs. The index is copied first and the
 * catalogue after it: the catalogue only moves forward, so the copied index's watermark is never
 * ahead of the copied catalogue, and a server restored from the pair only has changes to catch up
 * on (a watermark ahead of its catalogue would leave later papers unsearchable until a rebuild).
 * SQLite is copied with {@code VACUUM INTO}; PostgreSQL with {@code pg_dump} when it is on the
 * PATH, else the command to run is printed.
 */
public final class Backup {

  private Backup() {}

  /**
   * @param catalogue the catalogue's database
   * @param indexRoot the embedded index's root, or null when the index lives elsewhere (SolrCloud:
   *     rebuilt with {@code reindex} after a restore)
   * @param target the backup's directory: created; if it exists it must be empty
   * @param say progress and advice, one line each
   */
  public static Manifest run(DatabaseUrl catalogue, Path indexRoot, Path target, Consumer<String> say)
      throws IOException, InterruptedException {
    prepareEmpty(target);
    Optional<IndexSnapshot> index = Optional.empty();
    if (indexRoot != null) {
      index = IndexSnapshot.copy(indexRoot, target.resolve("index"));
      say.accept(index.map(s -> String.format("index: %,d files, %,d bytes, at catalogue change %,d", s.files(), s.bytes(), s.seq()))
          .orElse("index: none in " + indexRoot + " (nothing to copy; serve builds one)"));
    } else {
      say.accept("index: not embedded (SolrCloud); after a restore, run `paperlens reindex`");
    }
    boolean sqlite = catalogue.dialect() instanceof Dialect.Sqlite;
    long change;
    String schema;
    String catalogueFile;
    if (sqlite) {
      catalogueFile = "catalogue.db";
      Path copy = target.resolve(catalogueFile);
      OnlineBackup.sqlite(catalogue, copy);
      DatabaseUrl copied = DatabaseUrl.sqlite(copy);
      try (CatalogueStore store = CatalogueStore.connect(copied)) {
        change = store.sequence();
      }
      schema = OnlineBackup.schemaVersion(copied).orElse(null);
      say.accept(String.format("catalogue: %s copied (SQLite VACUUM INTO), at change %,d, schema %s", catalogue, change, schema));
    } else {
      // Read before the dump starts: the dump holds at least this change.
      try (CatalogueStore store = CatalogueStore.connect(catalogue)) {
        change = store.sequence();
      }
      schema = OnlineBackup.schemaVersion(catalogue).orElse(null);
      PgTools pg = PgTools.of(catalogue);
      catalogueFile = "catalogue.pgdump";
      var command = pg.dump(target.resolve(catalogueFile));
      if (PgTools.onPath("pg_dump")) {
        pg.run(command);
        say.accept(String.format("catalogue: %s dumped with pg_dump (custom format), at change %,d or later", catalogue, change));
      } else {
        catalogueFile = null;
        say.accept("catalogue: PostgreSQL is backed up with its own tool, pg_dump, which is not on the PATH here. Run:");
        say.accept("  " + pg.shown(command));
      }
    }
    if (index.isPresent() && index.get().seq() > change) {
      throw new IOException("the index copy (change " + index.get().seq() + ") is ahead of the catalogue copy (" + change
          + "): the catalogue went back while the backup ran; back up again");
    }
    Manifest m = new Manifest(1, Manifest.version(), Instant.now().toString(), sqlite ? "sqlite" : "postgresql", schema, change,
        catalogueFile, index.map(IndexSnapshot::seq).orElse(null), index.map(IndexSnapshot::format).orElse(null), checksums(target));
    m.write(target);
    say.accept("backup written to " + target + " (" + Manifest.FILE + " lists every file and its SHA-256)");
    return m;
  }

  static void prepareEmpty(Path dir) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new IOException(dir + " exists and is not a directory");
      }
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(dir + " is not empty: a backup goes into a new or empty directory");
        }
      }
    }
    Files.createDirectories(dir);
  }

  /** Every regular file under {@code dir} but the manifest, by path relative to it, with its SHA-256. */
  static Map<String, String> checksums(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = dir.relativize(p).toString().replace('\\', '/');
        if (!name.equals(Manifest.FILE)) {
          out.put(name, sha256(p));
        }
      }
    }
    return out;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
