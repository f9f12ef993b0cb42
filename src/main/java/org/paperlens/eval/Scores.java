package org.paperlens.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Per-query metric values of one run, and their means over the scored queries. Immutable. */
public final class Scores {

  private final Map<String, Map<Metric, Double>> perQuery;

  Scores(Map<String, Map<Metric, Double>> perQuery) {
    Map<String, Map<Metric, Double>> copy = new LinkedHashMap<>();
    perQuery.forEach((q, v) -> copy.put(q, Collections.unmodifiableMap(new EnumMap<>(v))));
    this.perQuery = Collections.unmodifiableMap(copy);
  }

  /** The queries scored (every judged query), in qrels order. */
  public Set<String> queryIds() {
    return perQuery.keySet();
  }

  public int queryCount() {
    return perQuery.size();
  }

  /** One query's value. */
  public double of(String queryId, Metric metric) {
    Map<Metric, Double> values = perQuery.get(queryId);
    if (values == null) {
      throw new IllegalArgumentException("query " + queryId + " was not scored (it has no judgements)");
    }
    return values.get(metric);
  }

  /** The mean over all scored queries; 0 when there are none. */
  public double mean(Metric metric) {
    return perQuery.values().stream().mapToDouble(v -> v.get(metric)).average().orElse(0);
  }
}
