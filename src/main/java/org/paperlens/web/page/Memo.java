package org.paperlens.web.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small least-recently-used cache with an optional time to live. It keeps the hot pages cheap
 * under load: related papers (fixed while the index is), paper pages, searches and listings (stale
 * after {@code ttl}, or at once when the key includes the community store's generation).
 *
 * <p>Thread-safe, and single-flight: when many requests want the same missing value at once (a
 * burst of 50 identical searches), one computes it and the others wait for that result instead of
 * all computing it. A failed computation is not cached; its exception reaches every waiter.
 *
 * <p>A hit takes no lock: fifty connections asking for the same daily page used to queue on one
 * monitor, and a holder the scheduler preempted on a busy machine held all of them up for tens to
 * hundreds of milliseconds (JFR {@code jdk.JavaMonitorEnter}, issue 13). Recency is a time stamp
 * per entry; past {@code capacity} plus a sixteenth, one thread drops the least recently used
 * down to {@code capacity}, so the sort it takes is paid once per {@code capacity / 16} misses.
 */
public final class Memo<K, V> {

  private static final Logger LOG = Logger.getLogger(Memo.class.getName());

  private static final class Slot<V> {
    final CompletableFuture<V> value = new CompletableFuture<>();
    final Instant at;
    /** {@link System#nanoTime()} of the last use; written without a lock, read when evicting. */
    volatile long used = System.nanoTime();
    /** Set by the one request that starts computing this stale value's successor. */
    final AtomicBoolean refreshing = new AtomicBoolean();

    Slot(Instant at) {
      this.at = at;
    }
  }

  private record Use<K, V>(K key, Slot<V> slot, long used) {}

  private final Map<K, Slot<V>> map = new ConcurrentHashMap<>();
  private final ReentrantLock evicting = new ReentrantLock();
  private final int capacity;
  private final Duration ttl;
  private final Clock clock;
  private final boolean servesStale;

  public Memo(int capacity, Duration ttl, Clock clock) {
    this(capacity, ttl, clock, false);
  }

  private Memo(int capacity, Duration ttl, Clock clock, boolean servesStale) {
    this.capacity = capacity;
    this.ttl = ttl;
    this.clock = clock;
    this.servesStale = servesStale;
  }

  /**
   * A memo whose values past {@code ttl} are still served (stale while revalidating): the first
   * request to find one starts computing its successor on a virtual thread and, like every request
   * until that is done, gets the old value, so no request waits on a rebuild that only the time to
   * live asked for. A successor equal to the old value is dropped and the old object kept, so what
   * is cached by its identity (a {@link SharedPage} rendered from it) stays cached. A missing key
   * is still computed in the request, single-flight. A failed refresh keeps the old value for
   * another {@code ttl}.
   */
  static <K, V> Memo<K, V> servingStale(int capacity, Duration ttl, Clock clock) {
    return new Memo<>(capacity, java.util.Objects.requireNonNull(ttl, "ttl"), clock, true);
  }

  V get(K key, Function<K, V> compute) {
    Instant now = clock.instant();
    Slot<V> mine = null;
    while (mine == null) {
      Slot<V> e = map.get(key);
      if (e != null && (ttl == null || e.at.plus(ttl).isAfter(now))) {
        e.used = System.nanoTime();
        return join(e.value);
      }
      if (e != null && servesStale && e.value.isDone() && !e.value.isCompletedExceptionally()) {
        e.used = System.nanoTime();
        if (e.refreshing.compareAndSet(false, true)) {
          Thread.ofVirtual().name("memo-refresh").start(() -> refresh(key, e, compute));
        }
        return e.value.join();
      }
      Slot<V> candidate = new Slot<>(now);
      if (e == null ? map.putIfAbsent(key, candidate) == null : map.replace(key, e, candidate)) {
        mine = candidate;
      }
    }
    evictIfFull();
    try {
      V value = compute.apply(key);
      mine.value.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.value.completeExceptionally(e);
      map.remove(key, mine);
      throw e;
    }
  }

  private void refresh(K key, Slot<V> stale, Function<K, V> compute) {
    V old = stale.value.join();
    V value = old;
    try {
      value = compute.apply(key);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "refreshing a cached value failed; the old one is kept", e);
    } finally {
      Slot<V> next = new Slot<>(clock.instant());
      next.value.complete(java.util.Objects.equals(value, old) ? old : value);
      map.replace(key, stale, next);
    }
  }

  /** Whether {@code key} has a value within its time to live; for tests. */
  boolean isFresh(K key) {
    Slot<V> e = map.get(key);
    return e != null && e.value.isDone() && (ttl == null || e.at.plus(ttl).isAfter(clock.instant()));
  }

  /** How many values (or computations under way) are kept; for tests. */
  int size() {
    return map.size();
  }

  private void evictIfFull() {
    if (map.size() <= capacity + capacity / 16 || !evicting.tryLock()) {
      return;
    }
    try {
      // Last uses copied first: sorting on a field other threads keep writing breaks the sort's contract.
      List<Use<K, V>> uses = new ArrayList<>(map.size());
      map.forEach((k, slot) -> uses.add(new Use<>(k, slot, slot.used)));
      int drop = uses.size() - capacity;
      if (drop <= 0) {
        return;
      }
      uses.sort(Comparator.comparingLong(Use::used));
      for (Use<K, V> u : uses.subList(0, drop)) {
        map.remove(u.key(), u.slot());
      }
    } finally {
      evicting.unlock();
    }
  }

  private static <V> V join(CompletableFuture<V> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }
}
