package org.paperlens.digest;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.paperlens.common.StageHealth;

/**
 * Runs the schedule inside {@code paperlens serve}: a digest run every minute on one thread of its
 * own, and a send soon after anything is queued ({@link #nudge()}, e.g. a confirmation mail).
 * SMTP happens only on that thread, so web requests never wait for a mail server. A failing run
 * is logged and the next one tries again.
 */
public final class DigestScheduler implements AutoCloseable {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "digest-scheduler");
    t.setDaemon(true);
    return t;
  });
  private final DigestRun run;
  private final Consumer<String> log;
  private final StageHealth health;

  public DigestScheduler(DigestRun run, Consumer<String> log) {
    this.run = run;
    this.log = log;
    this.health = new StageHealth("digest", java.time.Clock.systemUTC(), log);
  }

  /** The schedule's fault record, for the server's status. */
  public StageHealth health() {
    return health;
  }

  public void start(Duration every) {
    executor.scheduleWithFixedDelay(() -> guarded(() -> {
      DigestRun.Report r = run.run(false, false, log);
      if (r.planned().planned() > 0 || (r.sent() != null && r.sent().sent() > 0)) {
        log.accept("digest run: " + r);
      }
    }), Math.min(5_000, every.toMillis()), Math.max(1, every.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** Sends queued mail soon, without waiting for the next scheduled run; returns at once. */
  public void nudge() {
    executor.execute(() -> guarded(() -> run.sendQueued(log)));
  }

  /**
   * Runs {@code work} unless a failure is waiting out its backoff (1 s doubling to 60 s; a run is
   * due every minute anyway); a failure is logged when it starts or changes, and its end once.
   * Nothing is lost meanwhile: the outbox keeps what was not sent.
   */
  private void guarded(Runnable work) {
    if (!health.due()) {
      return;
    }
    try {
      work.run();
      health.succeeded();
    } catch (RuntimeException e) {
      health.failed(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
