package org.paperlens.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The server pipeline's settings from the environment (flags override them in {@link ServeCommand}).
 * A value that does not parse is an error that quotes it, never silently ignored.
 */
record ServeEnv(Optional<Path> watch, Optional<URI> harvestUrl, Optional<String> harvestSet, Optional<Double> embedShare,
    Optional<Duration> scanEvery) {

  static final String WATCH = "PAPERLENS_WATCH";
  static final String HARVEST_URL = "PAPERLENS_HARVEST_URL";
  static final String HARVEST_SET = "PAPERLENS_HARVEST_SET";
  static final String EMBED_SHARE = "PAPERLENS_EMBED_SHARE";
  /** Seconds between scans of the watched folder and checks of the harvest schedule (default 5). */
  static final String SCAN_SECONDS = "PAPERLENS_SCAN_SECONDS";

  static ServeEnv resolve(Map<String, String> env) {
    return new ServeEnv(value(env, WATCH).map(Path::of), value(env, HARVEST_URL).map(u -> parse(HARVEST_URL, u, URI::create)),
        value(env, HARVEST_SET), value(env, EMBED_SHARE).map(v -> parse(EMBED_SHARE, v, Double::parseDouble)),
        value(env, SCAN_SECONDS).map(v -> Duration.ofMillis((long) (1000 * parse(SCAN_SECONDS, v, Double::parseDouble)))));
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("$" + name + " has a value that does not parse: '" + value + "'");
    }
  }
}
