package org.paperlens.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a backup holds, as {@code manifest.json} in its directory.
 *
 * @param format this manifest's layout (1)
 * @param paperlens the version of paperlens that made it
 * @param createdAt when (UTC, ISO-8601)
 * @param engine {@code sqlite} or {@code postgresql}
 * @param schema the catalogue's schema version (Flyway), or null when unknown
 * @param catalogueChange the catalogue's latest change number in the copy (for PostgreSQL: at least this)
 * @param catalogueFile the catalogue's file in the backup ({@code catalogue.db}, {@code catalogue.pgdump}), or null when not copied
 * @param indexWatermark the catalogue change the index copy is complete up to; null when no index was copied
 * @param indexFormat the index copy's document layout, or null
 * @param files every file of the backup (relative path) with its SHA-256, checked by restore
 */
public record Manifest(int format, String paperlens, String createdAt, String engine, String schema, long catalogueChange,
    String catalogueFile, Long indexWatermark, String indexFormat, Map<String, String> files) {

  public static final String FILE = "manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public void write(Path dir) throws IOException {
    JSON.writeValue(dir.resolve(FILE).toFile(), this);
  }

  public static Manifest read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException(dir + " is not a paperlens backup: it has no " + FILE);
    }
    try {
      return JSON.readValue(file.toFile(), Manifest.class);
    } catch (IOException e) {
      throw new IOException(file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The version of the running paperlens, from its jar; "development" when run from classes. */
  static String version() {
    String v = Manifest.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
