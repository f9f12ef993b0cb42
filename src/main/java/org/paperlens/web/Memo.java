package org.paperlens.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small least-recently-used cache with an optional time to live. It keeps the hot pages cheap
 * under load: query vectors (an encoder call is the most expensive part of a semantic search),
 * related papers (fixed while the index is), and listings (stale after {@code ttl}, or at once when
 * the key includes the community store's generation). Thread-safe; the value is computed outside
 * the lock, so two threads may compute the same value once each, which is harmless.
 */
final class Memo<K, V> {

  private record Timed<V>(V value, Instant at) {}

  private final Map<K, Timed<V>> map;
  private final Duration ttl;
  private final Clock clock;

  Memo(int capacity, Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    this.map = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Timed<V>> eldest) {
        return size() > capacity;
      }
    };
  }

  V get(K key, Function<K, V> compute) {
    Instant now = clock.instant();
    synchronized (this) {
      Timed<V> t = map.get(key);
      if (t != null && (ttl == null || t.at().plus(ttl).isAfter(now))) {
        return t.value();
      }
    }
    V value = compute.apply(key);
    synchronized (this) {
      map.put(key, new Timed<>(value, now));
    }
    return value;
  }
}
