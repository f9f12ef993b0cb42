package org.paperlens.digest;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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

  public DigestScheduler(DigestRun run, Consumer<String> log) {
    this.run = run;
    this.log = log;
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

  private void guarded(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      log.accept("digest run failed (the next one retries): " + e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
