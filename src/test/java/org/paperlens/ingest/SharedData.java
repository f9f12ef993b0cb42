package org.paperlens.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data in {@code ../shared/data} (see its README), found through the system property
 * the build sets. Tests that need it are skipped, saying why, on machines without it.
 */
final class SharedData {

  private SharedData() {}

  /** The folder {@code relative} under the shared data, or a skipped test when it is absent. */
  static Path require(String relative) {
    String root = System.getProperty("paperlens.shared.data");
    assumeTrue(root != null, "system property paperlens.shared.data is not set (run through Maven): skipping");
    Path dir = Path.of(root).resolve(relative);
    assumeTrue(Files.exists(dir), "shared data " + dir + " is absent: skipping");
    return dir;
  }

  /** Whether {@code relative} exists under the shared data, for tests that fall back to fixtures. */
  static boolean has(String relative) {
    String root = System.getProperty("paperlens.shared.data");
    return root != null && Files.exists(Path.of(root).resolve(relative));
  }
}
