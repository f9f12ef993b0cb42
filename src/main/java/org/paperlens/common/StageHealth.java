package org.paperlens.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The fault record and retry schedule of one background stage (watch, harvest, embed, index,
 * enrich, digest): a failure is logged when the stage starts failing or fails otherwise than
 * before, never once per retry; retries back off exponentially (1 s, 2 s, 4 s, ... capped at
 * 60 s) so a lasting fault costs little; the first success after failures is logged once, with
 * how long it lasted. Nothing is dropped meanwhile: every stage works from the catalogue and its
 * own checkpoint, so a retry picks up exactly what the failed attempt did not finish.
 *
 * <p>Thread-safe: the stage's thread records, status requests read {@link #status}.
 */
public final class StageHealth {

  public static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  public static final Duration LAST_RETRY = Duration.ofSeconds(60);

  private final String stage;
  private final Consumer<String> log;
  private final Clock clock;
  private final Duration first;
  private final Duration cap;
  private boolean failing; // guarded by this
  private StageStatus.Fault fault; // guarded by this: the current or last run of failures

  public StageHealth(String stage, Clock clock, Consumer<String> log) {
    this(stage, clock, log, FIRST_RETRY, LAST_RETRY);
  }

  public StageHealth(String stage, Clock clock, Consumer<String> log, Duration first, Duration cap) {
    if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
      throw new IllegalArgumentException("retry backoff must start above 0 and be capped at no less than it: " + first + ", " + cap);
    }
    this.stage = stage;
    this.clock = clock;
    this.log = log;
    this.first = first;
    this.cap = cap;
  }

  public String stage() {
    return stage;
  }

  /** False while the stage waits out its backoff: a caller that runs several stages skips it until then. */
  public synchronized boolean due() {
    return !failing || fault.nextRetry().map(t -> !clock.instant().isBefore(t)).orElse(true);
  }

  /** How long until {@link #due}; zero when it is. */
  public synchronized Duration untilDue() {
    if (!failing) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(clock.instant(), fault.nextRetry().orElse(clock.instant()));
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** Records a failed attempt; returns how long to wait before the next one. */
  public synchronized Duration failed(Throwable e) {
    Instant now = clock.instant();
    String problem = describe(e);
    int failures = failing ? fault.failures() + 1 : 1;
    Duration wait = backoff(failures);
    boolean news = !failing || !fault.problem().equals(problem);
    Instant since = failing ? fault.since() : now;
    fault = new StageStatus.Fault(problem, since, now, failures, Optional.of(now.plus(wait)), Optional.empty());
    failing = true;
    if (news) {
      log.accept(stage + " stage failed (retrying with backoff, " + seconds(first) + " s up to " + seconds(cap)
          + " s; logged again only when the fault changes or ends): " + problem);
    }
    return wait;
  }

  /** Records a successful attempt; the first after failures is logged with how long they lasted. */
  public synchronized void succeeded() {
    if (!failing) {
      return;
    }
    Instant now = clock.instant();
    failing = false;
    fault = new StageStatus.Fault(fault.problem(), fault.since(), fault.lastFailure(), fault.failures(), Optional.empty(),
        Optional.of(now));
    log.accept(stage + " stage recovered after " + fault.failures() + (fault.failures() == 1 ? " failure" : " failures")
        + " over " + seconds(Duration.between(fault.since(), now)) + " s (failing since " + fault.since() + ": "
        + fault.problem() + ")");
  }

  public synchronized StageStatus status() {
    return new StageStatus(stage, failing, Optional.ofNullable(fault));
  }

  /** The wait after the {@code failures}-th consecutive failure: doubling from the first, capped. */
  Duration backoff(int failures) {
    int doublings = Math.min(failures - 1, 30);
    Duration d = first.multipliedBy(1L << doublings);
    return d.compareTo(cap) > 0 || d.isNegative() ? cap : d;
  }

  private static long seconds(Duration d) {
    return Math.max(0, Math.round(d.toMillis() / 1000.0));
  }

  /** The exception and, when it wraps another, its root cause: what an operator can act on. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String top = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (root == e || String.valueOf(e.getMessage()).contains(String.valueOf(root.getMessage()))) {
      return top;
    }
    return top + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }
}
