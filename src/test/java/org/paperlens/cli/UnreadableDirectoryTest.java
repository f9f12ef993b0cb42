package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.ChildProcess;
import org.paperlens.testing.Fixtures;

/**
 * A directory import with a subdirectory the user may not read. Root reads everything, so as root
 * the import runs under setpriv without the capabilities that let it (as an ordinary user would).
 */
class UnreadableDirectoryTest {

  @Test
  void an_unreadable_subdirectory_is_reported_and_skipped_and_the_rest_imported(@TempDir Path dir) throws Exception {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.copy(Fixtures.path("listing-sample.jsonl"), tree.resolve("a-listing.jsonl"));
    Path locked = Files.createDirectories(tree.resolve("b-locked"));
    Files.copy(Fixtures.path("kaggle-sample.jsonl"), locked.resolve("hidden.jsonl"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    List<String> wrapper = List.of();
    if ("root".equals(System.getProperty("user.name"))) {
      boolean setpriv = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
          .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "setpriv")));
      assumeTrue(setpriv, "skipped: running as root without setpriv (util-linux) to drop the privilege of reading anything");
      wrapper = List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search");
    }
    try {
      Path log = dir.resolve("import.log");
      Process p = ChildProcess.start(log, Map.of(), wrapper, List.of(), "import", "--data", dir.resolve("data").toString(),
          tree.toString());

      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(log);
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains(locked + ": cannot read the directory (permission denied)", "new 2");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
