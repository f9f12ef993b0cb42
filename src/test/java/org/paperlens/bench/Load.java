package org.paperlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average, to print beside a figure: on a shared machine a load above the core
 * count means other processes took CPU time from the run.
 */
public final class Load {

  private Load() {}

  /** "Load average (1, 5, 15 min): a b c." or an empty string where /proc/loadavg is missing. */
  public static String describe() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return String.format("Load average (1, 5, 15 min) at the end: %s %s %s.", f[0], f[1], f[2]);
    } catch (IOException e) {
      return "";
    }
  }
}
