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
    Optional<Duration> scanEvery, Optional<Duration> digestEvery, Optional<Integer> harvestFirstDays) {

  static final String WATCH = "PAPERLENS_WATCH";
  static final String HARVEST_URL = "PAPERLENS_HARVEST_URL";
  static final String HARVEST_SET = "PAPERLENS_HARVEST_SET";
  static final String EMBED_SHARE = "PAPERLENS_EMBED_SHARE";
  /** Seconds between scans of the watched folder and checks of the harvest schedule (default 5). */
  static final String SCAN_SECONDS = "PAPERLENS_SCAN_SECONDS";
  /** How many days back the very first harvest reaches (default 7); later harvests carry on from the cursor. */
  static final String HARVEST_FIRST_DAYS = "PAPERLENS_HARVEST_FIRST_DAYS";
  /** Seconds between digest runs (default 60). */
  static final String DIGEST_SECONDS = "PAPERLENS_DIGEST_SECONDS";

  static ServeEnv resolve(Map<String, String> env) {
    return new ServeEnv(value(env, WATCH).map(Path::of), value(env, HARVEST_URL).map(u -> parse(HARVEST_URL, u, URI::create)),
        value(env, HARVEST_SET), value(env, EMBED_SHARE).map(v -> parse(EMBED_SHARE, v, Double::parseDouble)),
        seconds(env, SCAN_SECONDS), seconds(env, DIGEST_SECONDS),
        value(env, HARVEST_FIRST_DAYS).map(v -> parse(HARVEST_FIRST_DAYS, v, Integer::parseInt)));
  }

  private static Optional<Duration> seconds(Map<String, String> env, String name) {
    return value(env, name).map(v -> {
      double s = parse(name, v, Double::parseDouble);
      if (!(s > 0 && s <= 86_400)) {
        throw new IllegalArgumentException("$" + name + " must be a number of seconds above 0 and at most 86400, was '" + v + "'");
      }
      return Duration.ofMillis((long) (1000 * s));
    });
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
