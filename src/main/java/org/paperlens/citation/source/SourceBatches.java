package org.paperlens.citation.source;

import java.util.ArrayList;
import java.util.List;
import org.paperlens.citation.Lookup;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.WorkKey;
import org.paperlens.citation.http.Exchange;

/** What both API sources do around their requests: cut a list of keys into batches, and turn a failed exchange into one outcome per key. */
final class SourceBatches {

  private SourceBatches() {}

  static List<List<WorkKey>> split(List<WorkKey> keys, int size) {
    List<List<WorkKey>> batches = new ArrayList<>();
    for (int i = 0; i < keys.size(); i += size) {
      batches.add(List.copyOf(keys.subList(i, Math.min(keys.size(), i + size))));
    }
    return batches;
  }

  /** The same failure for every key of a batch that did not get an answer. */
  static List<Lookup> failed(List<WorkKey> batch, SourceName source, Exchange<?> failure) {
    List<Lookup> out = new ArrayList<>(batch.size());
    for (WorkKey k : batch) {
      out.add(switch (failure) {
        case Exchange.Unavailable<?> u -> new Lookup.SourceUnavailable(k, source, u.since(), u.reason());
        case Exchange.Unusable<?> u -> new Lookup.BadResponse(k, source, u.reason());
        case Exchange.Ok<?> ok -> throw new IllegalArgumentException("not a failure: " + ok);
      });
    }
    return out;
  }
}
