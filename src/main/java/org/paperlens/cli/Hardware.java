package org.paperlens.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a measurement ran on, in words, for the reports beside the figures. */
final class Hardware {

  private Hardware() {}

  /** "2 cores (AMD EPYC 7B13), 24 GiB RAM, JDK 25"; the CPU model only where /proc/cpuinfo says it. */
  static String describe() {
    String cpu = "";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> " (" + l.substring(l.indexOf(':') + 1).strip() + ")").orElse("");
    } catch (Exception e) {
      // not Linux: the core count alone still says what matters
    }
    String memory = "";
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = String.format(", %d GiB RAM", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
    }
    return Runtime.getRuntime().availableProcessors() + " cores" + cpu + memory + ", JDK " + Runtime.version().feature();
  }
}
