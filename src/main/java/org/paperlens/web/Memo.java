package org.paperlens.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A small least-recently-used cache with an optional time to live. It keeps the hot pages cheap
 * under load: related papers (fixed while the index is), paper pages, searches and listings (stale
 * after {@code ttl}, or at once when the key includes the community store's generation).
 *
 * <p>Thread-safe, and single-flight: when many requests want the same missing value at once (a
 * burst of 50 identical searches), one computes it and the others wait for that result instead of
 * all computing it. A failed computation is not cached; its exception reaches every waiter.
 */
final class Memo<K, V> {

  private record Slot<V>(CompletableFuture<V> value, Instant at) {}

  private final Map<K, Slot<V>> map;
  private final Duration ttl;
  private final Clock clock;

  Memo(int capacity, Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    this.map = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Slot<V>> eldest) {
        return size() > capacity;
      }
    };
  }

  V get(K key, Function<K, V> compute) {
    Instant now = clock.instant();
    CompletableFuture<V> future;
    Slot<V> mine = null;
    synchronized (this) {
      Slot<V> e = map.get(key);
      if (e != null && (ttl == null || e.at().plus(ttl).isAfter(now))) {
        future = e.value();
      } else {
        mine = new Slot<>(new CompletableFuture<>(), now);
        map.put(key, mine);
        future = mine.value();
      }
    }
    if (mine != null) {
      try {
        V value = compute.apply(key);
        future.complete(value);
        return value;
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
        synchronized (this) {
          map.remove(key, mine);
        }
        throw e;
      }
    }
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
