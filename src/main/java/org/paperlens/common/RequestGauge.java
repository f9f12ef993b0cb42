package org.paperlens.common;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * How many requests the server is answering right now, so background work on the same cores gives
 * way to them: the web layer calls {@link #begin} and {@link #end} around every request; the
 * background embedder waits in {@link #awaitIdle} before each model run and, while one runs, has an
 * {@link #onArrival} hook that aborts it the moment a request comes in (the run is simply repeated
 * later). Idle means no request in flight and none ended within the grace period: a page's requests
 * for its assets, or a client's next query, come a few milliseconds apart.
 *
 * <p>Thread-safe. A gauge nobody feeds is always idle, which is what a batch command wants.
 */
public final class RequestGauge {

  /** After the last request ends: long enough to cover a browser's follow-up requests, short beside a model run. */
  public static final Duration GRACE = Duration.ofMillis(50);

  private final long graceNanos;
  private final LongSupplier nanoTime;
  private final CopyOnWriteArrayList<Runnable> arrivalHooks = new CopyOnWriteArrayList<>();
  private int inFlight;
  private long lastEnd;
  private boolean ended;
  private int waiting;

  public RequestGauge() {
    this(GRACE, System::nanoTime);
  }

  /** @param grace how long after the last request ends the gauge still counts as busy; zero for none */
  public RequestGauge(Duration grace, LongSupplier nanoTime) {
    this.graceNanos = grace.toNanos();
    this.nanoTime = nanoTime;
  }

  /** A request came in. The arrival hooks run on the caller's thread when it is the only one in flight. */
  public void begin() {
    boolean first;
    synchronized (this) {
      first = inFlight++ == 0;
    }
    if (first) {
      arrivalHooks.forEach(Runnable::run);
    }
  }

  /** A request was answered (call once per {@link #begin}, also when it failed). */
  public synchronized void end() {
    inFlight--;
    lastEnd = nanoTime.getAsLong();
    ended = true;
    notifyAll();
  }

  public synchronized int inFlight() {
    return inFlight;
  }

  /** Whether background work should hold back now. */
  public synchronized boolean busy() {
    return inFlight > 0 || graceLeft() > 0;
  }

  /** Arrival hooks registered now: a background run is under way while its hook is. */
  public int hooks() {
    return arrivalHooks.size();
  }

  /** Threads blocked in {@link #awaitIdle} now: what a test watches to see background work paused. */
  public synchronized int waiting() {
    return waiting;
  }

  /**
   * Blocks while a request is in flight or ended less than the grace period ago.
   *
   * @return whether it had to wait
   */
  public synchronized boolean awaitIdle() throws InterruptedException {
    boolean waited = false;
    waiting++;
    notifyAll();
    try {
      while (true) {
        long left = graceLeft();
        if (inFlight > 0) {
          wait();
        } else if (left > 0) {
          wait(Math.max(1, left / 1_000_000));
        } else {
          return waited;
        }
        waited = true;
      }
    } finally {
      waiting--;
    }
  }

  /**
   * Runs {@code hook} whenever a request arrives at an idle server, until the returned handle is
   * closed. The hook must be quick: it runs on the request's thread.
   */
  public Hook onArrival(Runnable hook) {
    arrivalHooks.add(hook);
    return () -> arrivalHooks.remove(hook);
  }

  /** An arrival hook's registration; closing it removes the hook. */
  @FunctionalInterface
  public interface Hook extends AutoCloseable {
    @Override
    void close();
  }

  private long graceLeft() {
    return ended && graceNanos > 0 ? graceNanos - (nanoTime.getAsLong() - lastEnd) : 0;
  }
}
