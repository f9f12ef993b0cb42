package org.paperlens.config;

import java.nio.file.Path;
import java.util.Map;
import org.paperlens.index.IndexSettings;

/**
 * The settings in effect, built once at start-up (defaults, then environment, then flags) and
 * passed down through constructors. Nothing reads the environment anywhere else.
 *
 * @param dataDir where the catalogue (and later the index) live
 */
public record Config(Path dataDir) {

  public static final String DATA_ENV = "PAPERLENS_DATA";
  static final Path DEFAULT_DATA = Path.of("data");

  /** Defaults overridden by the environment, then by a flag when one was given (null if not). */
  public static Config resolve(Map<String, String> env, Path dataFlag) {
    Path data = DEFAULT_DATA;
    String fromEnv = env.get(DATA_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      data = Path.of(fromEnv);
    }
    if (dataFlag != null) {
      data = dataFlag;
    }
    return new Config(data);
  }

  /** Where the search index generations live. */
  public Path indexDir() {
    return dataDir.resolve("index");
  }

  /** How hybrid search combines its two rankings; chosen on the SciFact train split. */
  public org.paperlens.search.Fusion fusion() {
    return new org.paperlens.search.Fusion.ReciprocalRank(60);
  }

  public IndexSettings indexSettings() {
    return IndexSettings.DEFAULT;
  }

  /** One line for logs, so every run says which settings it used. */
  public String describe() {
    return "data directory " + dataDir.toAbsolutePath().normalize();
  }
}
