package org.paperlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** One line naming the machine a figure came from, for every benchmark table. */
public final class Hardware {

  private Hardware() {}

  public static String describe() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
    } catch (IOException e) {
      // not Linux: the core count and memory still say something
    }
    return String.format("%d cores (%s), %d GiB RAM, JDK %s, %s", Runtime.getRuntime().availableProcessors(), cpu,
        Math.round(memoryGiB()), Runtime.version().feature(), LocalDate.now());
  }

  private static double memoryGiB() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getTotalMemorySize() / (double) (1L << 30);
    }
    return Runtime.getRuntime().maxMemory() / (double) (1L << 30);
  }
}
