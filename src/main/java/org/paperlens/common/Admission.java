package org.paperlens.common;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Admission control for work that costs milliseconds of CPU a request (a search that embeds its
 * query, related papers, recommendations): at most {@link Limits#computing} run at once, at most
 * {@link Limits#queue} more wait for a turn, each for at most {@link Limits#maxWait}, and the rest
 * are refused at once, so the server answers "busy, come back" instead of making every request
 * wait behind all the others.
 *
 * <p>The wait is bounded by what it will cost, not only by the clock: a request that finds no turn
 * free is refused at once when the turns it must wait for (those queued ahead of it, and its own)
 * times the measured time a turn is held ({@link #serviceTime}, a moving average), shared among
 * {@link Limits#computing} turns, exceeds {@link Limits#maxWait}. So an admitted request waits
 * about as long as the budget at most, and one that would only time out after waiting the whole
 * budget is told so at once, instead of holding a thread and its client for nothing.
 *
 * <p>Why a bound on work at once and not only on threads: two cores shared by fifty request threads
 * that each run a search time-slice all of them, so every search takes fifty times as long from
 * start to end and the caches each had warmed are lost at every switch. With one search per core
 * each runs at single-thread speed and the others wait their turn in a queue of known length.
 *
 * <p>Thread-safe. {@link #enter} hands out a {@link Permit} to close when the work is done.
 */
public final class Admission {

  /**
   * @param computing how many run at once; 0 turns admission control off (everything is admitted)
   * @param queue how many more may wait for a turn
   * @param maxWait how long one waits before it is refused after all
   */
  public record Limits(int computing, int queue, Duration maxWait) {

    /** No limit: every request is admitted at once (a reference to measure against). */
    public static final Limits OFF = new Limits(0, 0, Duration.ZERO);

    public Limits {
      if (computing < 0 || queue < 0 || maxWait.isNegative()) {
        throw new IllegalArgumentException("admission limits must not be negative, were computing " + computing
            + ", queue " + queue + ", wait " + maxWait.toMillis() + " ms");
      }
    }

    /** The wait budget {@link #forCores} sets, in ms. */
    public static final int DEFAULT_WAIT_MS = 150;

    /**
     * One computation per core, a queue of four per core, a wait budget of 150 ms. An answer takes
     * its wait plus its own turn, so its p99 is about the budget plus a slow turn: with turns of
     * 15-20 ms (a fresh hybrid search on two cores of their own, docs/benchmarks.md) that leaves
     * some 100 ms for a slow turn and the rest of the request within the 250 ms aimed at for 50
     * clients at once (issue 23). On such a machine the queue binds first (eight searches of 20 ms on
     * two turns wait 80 ms at most); the budget binds when turns slow down (a busier machine), so the
     * server refuses sooner instead of letting answers wait longer.
     */
    public static Limits forCores(int cores) {
      int n = Math.max(1, cores);
      return new Limits(n, 4 * n, Duration.ofMillis(DEFAULT_WAIT_MS));
    }

    public boolean off() {
      return computing == 0;
    }

    public String describe() {
      return off() ? "off" : computing + " at once, " + queue + " queued for at most " + maxWait.toMillis() + " ms";
    }
  }

  /** A turn to compute; closing it lets the next one in. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private static final Permit FREE = () -> {};

  /**
   * The weight of the latest turn in the moving average of how long a turn is held: about the last
   * ten turns count, so the estimate follows a machine that gets busier within a second of load.
   */
  static final double SERVICE_WEIGHT = 0.1;

  private final Limits limits;
  private final LongSupplier nanoTime;
  /** How long a turn is held, a moving average in ns; 0 until the first turn ends. */
  private final AtomicLong serviceNanos = new AtomicLong();
  private final Semaphore turns;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final LongAdder admitted = new LongAdder();
  private final LongAdder queued = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder refusedAtOnce = new LongAdder();

  public Admission(Limits limits) {
    this(limits, System::nanoTime);
  }

  /** With a clock of the caller's, in ns, for the times turns are held (tests). */
  Admission(Limits limits, LongSupplier nanoTime) {
    this.limits = limits;
    this.nanoTime = nanoTime;
    // Fair: whoever has waited longest goes next, so no queued request waits past its turn.
    this.turns = limits.off() ? null : new Semaphore(limits.computing(), true);
  }

  public Limits limits() {
    return limits;
  }

  /**
   * A turn to compute, at once or after waiting in the queue; null when refused (the queue was full,
   * or no turn came within the wait). An interrupted wait counts as refused and keeps the interrupt.
   */
  public Permit enter() {
    if (turns == null) {
      admitted.increment();
      return FREE;
    }
    // A timed try with no wait keeps the fair order: the untimed tryAcquire() takes a free turn even
    // while others queue for it, so newcomers would overtake requests that have waited up to maxWait.
    try {
      if (turns.tryAcquire(0, TimeUnit.NANOSECONDS)) {
        return admit();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      refused.increment();
      return null;
    }
    int place = waiting.incrementAndGet();
    if (place > limits.queue() || expectedWaitNanos(place) > limits.maxWait().toNanos()) {
      waiting.decrementAndGet();
      refused.increment();
      refusedAtOnce.increment();
      return null;
    }
    queued.increment();
    boolean got;
    try {
      got = turns.tryAcquire(limits.maxWait().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      got = false;
    } finally {
      waiting.decrementAndGet();
    }
    if (!got) {
      refused.increment();
      return null;
    }
    return admit();
  }

  /**
   * How long the request at {@code place} in the queue (1 = next) should wait for its turn: the
   * turns up to and including its own, each held for the average time, {@code computing} at once.
   * Counting its own turn whole errs on the side of refusing: the running ones are, on average, half
   * done.
   */
  private long expectedWaitNanos(int place) {
    return (long) ((double) place * serviceNanos.get() / limits.computing());
  }

  private Permit admit() {
    admitted.increment();
    running.incrementAndGet();
    long start = nanoTime.getAsLong();
    return new Permit() {
      private boolean closed;

      @Override
      public void close() {
        if (!closed) {
          closed = true;
          held(nanoTime.getAsLong() - start);
          running.decrementAndGet();
          turns.release();
        }
      }
    };
  }

  /** Folds a turn's holding time into the moving average (the first turn sets it). */
  private void held(long nanos) {
    serviceNanos.updateAndGet(avg -> avg == 0 ? Math.max(1, nanos) : Math.max(1, Math.round(avg + SERVICE_WEIGHT * (nanos - avg))));
  }

  /** How long a turn is held, a moving average over about the last ten turns; zero before the first one ends. */
  public Duration serviceTime() {
    return Duration.ofNanos(serviceNanos.get());
  }

  /** Admitted so far (at once or after a wait). */
  public long admitted() {
    return admitted.sum();
  }

  /** Made to wait so far (admitted later, or refused when no turn came). */
  public long queued() {
    return queued.sum();
  }

  /** Refused so far. */
  public long refused() {
    return refused.sum();
  }

  /** Of those refused, the ones refused on arrival (a full queue, or a wait expected past the budget) rather than after waiting. */
  public long refusedAtOnce() {
    return refusedAtOnce.sum();
  }

  /** Computing right now. */
  public int computing() {
    return running.get();
  }

  /** Waiting for a turn right now. */
  public int waiting() {
    return waiting.get();
  }
}
