package org.paperlens.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code max} events per key in a sliding {@code window} (log-ins per name, mails per
 * address, sign-ups per client...). In memory, which suits one server process; a restart forgets,
 * which only helps someone who can restart the server anyway. The map is bounded so a flood of
 * distinct keys cannot exhaust memory. A limit made with {@link #shared} counts in the catalogue
 * instead ({@link LimitStore}), so that several serve processes on one PostgreSQL database hold
 * one limit between them, not one each.
 *
 * <p>Thread-safe, and the check and the count are one step ({@link #tryAcquire}): a burst of
 * concurrent requests cannot all pass the check before any of them is counted. Every limit shares
 * one lock so that {@link #tryAcquire(Key...)} can check and count several limits atomically;
 * each critical section is a few map operations, far cheaper than the requests it guards.
 */
public final class RateLimit {

  /** A limit and the key an event counts under in it. */
  public record Key(RateLimit limit, String key) {}

  private static final Object LOCK = new Object();
  private static final int MAX_KEYS = 100_000;

  private final int max;
  private final Duration window;
  private final Clock clock;
  /** Null: counted in this process. */
  private final LimitStore store;
  private final String name;
  private final Map<String, Deque<Instant>> events = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > MAX_KEYS;
    }
  };

  public RateLimit(int max, Duration window, Clock clock) {
    this(max, window, clock, null, null);
  }

  /** A limit counted in {@code store} under {@code name} (one name per limit): shared by every process on it. */
  public static RateLimit shared(String name, int max, Duration window, Clock clock, LimitStore store) {
    return new RateLimit(max, window, clock, java.util.Objects.requireNonNull(store), name);
  }

  private RateLimit(int max, Duration window, Clock clock, LimitStore store, String name) {
    this.store = store;
    this.name = name;
    if (max < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a rate limit needs max >= 1 and a positive window, was " + max + " per " + window);
    }
    this.max = max;
    this.window = window;
    this.clock = clock;
  }

  public Key key(String key) {
    return new Key(this, key == null ? "" : key);
  }

  /** Counts one event under {@code key}, or returns how long to wait when the key is at its limit (nothing counted). */
  public Optional<Duration> tryAcquire(String key) {
    return tryAcquire(key(key));
  }

  /**
   * Counts one event under every key, or none when any key is at its limit: then returns the
   * longest wait among the keys at their limits.
   */
  public static Optional<Duration> tryAcquire(Key... keys) {
    if (keys.length > 0 && keys[0].limit().store != null) {
      return keys[0].limit().store.tryAcquire(java.util.List.of(keys), keys[0].limit().clock.instant());
    }
    synchronized (LOCK) {
      Optional<Duration> longest = Optional.empty();
      for (Key k : keys) {
        Optional<Duration> w = k.limit().waitFor(k.key());
        if (w.isPresent() && (longest.isEmpty() || w.get().compareTo(longest.get()) > 0)) {
          longest = w;
        }
      }
      if (longest.isEmpty()) {
        for (Key k : keys) {
          k.limit().events.computeIfAbsent(k.key(), x -> new ArrayDeque<>()).addLast(k.limit().clock.instant());
        }
      }
      return longest;
    }
  }

  /** How long until an event under {@code key} would be allowed; empty when it would be now. Counts nothing. */
  public Optional<Duration> wait(String key) {
    if (store != null) {
      return store.waitFor(key(key), clock.instant());
    }
    synchronized (LOCK) {
      return waitFor(key == null ? "" : key);
    }
  }

  /** Takes back the latest event of {@code key}: it turned out not to count (a log-in that succeeded). */
  public void release(String key) {
    if (store != null) {
      store.release(this.key(key));
      return;
    }
    synchronized (LOCK) {
      Deque<Instant> q = events.get(key == null ? "" : key);
      if (q != null) {
        q.pollLast();
      }
    }
  }

  /** Forgets every event of {@code key}. */
  public void clear(String key) {
    if (store != null) {
      store.clear(this.key(key));
      return;
    }
    synchronized (LOCK) {
      events.remove(key == null ? "" : key);
    }
  }

  private Optional<Duration> waitFor(String key) {
    Deque<Instant> q = events.get(key);
    if (q == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    while (!q.isEmpty() && !q.peekFirst().plus(window).isAfter(now)) {
      q.pollFirst();
    }
    if (q.size() < max) {
      return Optional.empty();
    }
    Duration wait = Duration.between(now, q.peekFirst().plus(window));
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  int max() {
    return max;
  }

  Duration window() {
    return window;
  }

  /** The limit's name in the catalogue; null for one counted in memory. */
  String name() {
    return name;
  }

  @Override
  public String toString() {
    return max + " per " + window;
  }
}
