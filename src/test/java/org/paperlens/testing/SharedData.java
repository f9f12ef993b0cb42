package org.paperlens.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data in {@code ../shared/data}, which CI always has but a contributor's machine may
 * not. Tests on it call {@link #require} and are skipped, with a message on the console saying why, when
 * it is absent; on CI ({@code CI=true}) they fail instead (see {@link Prerequisites}).
 */
public final class SharedData {

  private SharedData() {}

  public static Path root() {
    return Path.of(System.getProperty("paperlens.shared.data", "../shared/data"));
  }

  /** The path below the shared data root, or skips the calling test (fails it on CI) when it is not there. */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    Prerequisites.require("shared data", Files.exists(p), () -> (Files.isDirectory(root())
        ? "not found at " + p.toAbsolutePath() : "no folder " + root().toAbsolutePath())
        + " (tests on the real data need ../shared/data beside the project)");
    return p;
  }

  /** Whether {@code relative} exists under the shared data, for tests that fall back to fixtures. */
  public static boolean has(String relative) {
    return Files.exists(root().resolve(relative));
  }

  public static Path listings() {
    return require("arxiv-cs-listings/arxiv-cs-2025-03-to-2026-07.jsonl.gz");
  }
}
