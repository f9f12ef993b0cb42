package org.paperlens.testing;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one place a test decides what to do when something it needs from the machine is missing
 * (PostgreSQL, the built SolrCloud test cluster, Chromium, {@code ../shared/data}): on a
 * contributor's machine the test is skipped, and the reason is printed on the console once per
 * group ({@link SkipReport} lists every skip again at the end of the run); on CI
 * ({@code CI=true}, as .ci/run is run) it fails, so a CI run cannot pass by skipping.
 */
public final class Prerequisites {

  /** What a missing prerequisite leads to. */
  public enum Outcome { RUN, SKIP, FAIL }

  private static final java.util.Set<String> ANNOUNCED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Prerequisites() {}

  /**
   * Whether {@code env} is a CI run's: {@code CI} set to anything but empty, {@code false} or
   * {@code 0} (CI services set {@code CI=true}).
   */
  public static boolean onCi(Map<String, String> env) {
    String ci = env.get("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
  }

  /** The decision, apart from its side effects, so it can be tested. */
  public static Outcome decide(boolean present, Map<String, String> env) {
    if (present) {
      return Outcome.RUN;
    }
    return onCi(env) ? Outcome.FAIL : Outcome.SKIP;
  }

  /**
   * Returns when {@code present}; otherwise skips the calling test (or, on CI, fails it) with
   * {@code why}. {@code group} names what is missing ("PostgreSQL", "Chromium", ...).
   */
  public static void require(String group, boolean present, Supplier<String> why) {
    Map<String, String> env = System.getenv();
    if (decide(present, env) == Outcome.SKIP && ANNOUNCED.add(group)) {
      System.out.println("[paperlens tests] " + skipReason(group, why.get()));
      System.out.flush();
    }
    require(group, present, why, env);
  }

  /** As {@link #require(String, boolean, Supplier)} in environment {@code env}, without the console line. */
  static void require(String group, boolean present, Supplier<String> why, Map<String, String> env) {
    switch (decide(present, env)) {
      case RUN -> { }
      case FAIL -> Assertions.fail(group + " is required on CI (CI=" + env.get("CI") + "): " + why.get());
      case SKIP -> Assumptions.abort(skipReason(group, why.get()));
    }
  }

  private static String skipReason(String group, String why) {
    return group + " missing, skipped: " + why;
  }
}
