package org.paperlens.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the vectors of the most recent distinct queries. Encoding a query is the costliest
 * step of a semantic or hybrid search (a transformer pass on the CPU), and people repeat
 * queries: paging through results, sharing permalinks, switching modes. Thread-safe; two threads
 * may encode the same new query once each, which is harmless.
 */
public final class CachedQueryEncoder implements QueryEncoder {

  private final QueryEncoder encoder;
  private final Map<String, float[]> cache;

  public CachedQueryEncoder(QueryEncoder encoder, int capacity) {
    this.encoder = encoder;
    this.cache = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public float[] embedQuery(String query) {
    synchronized (cache) {
      float[] v = cache.get(query);
      if (v != null) {
        return v;
      }
    }
    float[] v = encoder.embedQuery(query);
    synchronized (cache) {
      cache.put(query, v);
    }
    return v;
  }
}
