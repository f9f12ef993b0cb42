package org.paperlens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident set size, which Linux reports in /proc; empty elsewhere. */
final class PeakMemory {

  private PeakMemory() {}

  /** {@code ", peak RSS 312 MiB"}, or {@code ""} when the figure is not available. */
  static String describe() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("\\D", ""));
          return String.format(", peak RSS %,d MiB", kb / 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or /proc is not mounted: the figure is a nicety, not worth failing for.
    }
    return "";
  }
}
