package org.paperlens.cli;

import java.time.Duration;
import java.util.Map;
import org.paperlens.common.Admission;
import picocli.CommandLine.Option;

/**
 * {@code serve}'s admission control of the expensive routes (searches, related papers,
 * recommendations): flags beat the environment, which beats the default by the machine's cores
 * ({@link Admission.Limits#forCores}). A value that does not parse, or is negative, is an error
 * that quotes it.
 */
final class AdmissionOptions {

  static final String COMPUTING = "PAPERLENS_ADMIT_COMPUTING";
  static final String QUEUE = "PAPERLENS_ADMIT_QUEUE";
  static final String WAIT_MS = "PAPERLENS_ADMIT_WAIT_MS";

  @Option(names = "--admit-computing", paramLabel = "N",
      description = {"Searches, related-paper and recommendation requests computed at once; 0 turns admission control off.",
          "Default: $" + COMPUTING + ", else one per core."})
  Integer computing;

  @Option(names = "--admit-queue", paramLabel = "N",
      description = {"How many more of them wait for a turn; beyond it the answer is 503 with Retry-After.",
          "Default: $" + QUEUE + ", else four per core."})
  Integer queue;

  @Option(names = "--admit-wait-ms", paramLabel = "MS",
      description = {"The wait budget: one expected to wait longer for a turn is answered 503 at once, one that waits this long after all.",
          "Default: $" + WAIT_MS + ", else " + Admission.Limits.DEFAULT_WAIT_MS + "."})
  Integer waitMs;

  /** The limits in effect, given the environment and the number of cores. */
  Admission.Limits resolve(Map<String, String> env, int cores) {
    Admission.Limits d = Admission.Limits.forCores(cores);
    int c = pick(computing, env, COMPUTING, d.computing());
    int q = pick(queue, env, QUEUE, d.queue());
    int w = pick(waitMs, env, WAIT_MS, (int) d.maxWait().toMillis());
    return new Admission.Limits(c, q, Duration.ofMillis(w));
  }

  private static int pick(Integer flag, Map<String, String> env, String name, int fallback) {
    if (flag != null) {
      if (flag < 0) {
        throw new IllegalArgumentException("--" + flagName(name) + " must be 0 or more, was " + flag);
      }
      return flag;
    }
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw new IllegalArgumentException("$" + name + " must be a whole number, 0 or more, was '" + v + "'");
  }

  private static String flagName(String env) {
    return switch (env) {
      case COMPUTING -> "admit-computing";
      case QUEUE -> "admit-queue";
      default -> "admit-wait-ms";
    };
  }
}
