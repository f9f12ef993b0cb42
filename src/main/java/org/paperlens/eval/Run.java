package org.paperlens.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rankings a system produced: for each query, documents best first. Immutable; queries keep
 * the order given.
 *
 * <p>Every ranking is kept in {@code trec_eval}'s order, {@link #TREC_EVAL_ORDER}: score
 * descending, ties by document id descending. {@code trec_eval} ignores the rank column of a run
 * file and re-sorts this way, so ranking here the same way makes the metrics computed in memory
 * equal those of {@code trec_eval} on the written file, whatever order the retriever used for ties.
 */
public final class Run {

  /**
   * Score descending, then document id descending. {@code trec_eval} compares ids with
   * {@code strcmp}, i.e. by UTF-8 bytes, which is code point order; {@link String#compareTo}
   * (UTF-16 units) differs from it for characters beyond the Basic Multilingual Plane.
   */
  public static final Comparator<ScoredDoc> TREC_EVAL_ORDER = (a, b) -> {
    if (a.score() != b.score()) {
      return a.score() > b.score() ? -1 : 1; // not Double.compare: -0.0 and 0.0 tie, as in C
    }
    return compareCodePoints(b.docId(), a.docId());
  };

  private final Map<String, List<ScoredDoc>> rankings;

  private Run(Map<String, List<ScoredDoc>> rankings) {
    this.rankings = rankings;
  }

  /**
   * A run from each query's retrieved documents, in any order (they are ranked here).
   *
   * @throws IllegalArgumentException when a query lists a document twice ({@code trec_eval}
   *     refuses such a run too)
   */
  public static Run of(Map<String, ? extends List<ScoredDoc>> retrieved) {
    Map<String, List<ScoredDoc>> ranked = new LinkedHashMap<>();
    retrieved.forEach((query, docs) -> {
      Set<String> seen = new HashSet<>();
      for (ScoredDoc d : docs) {
        if (!seen.add(d.docId())) {
          throw new IllegalArgumentException("query " + query + " retrieved document " + d.docId() + " twice");
        }
      }
      List<ScoredDoc> sorted = new ArrayList<>(docs);
      sorted.sort(TREC_EVAL_ORDER);
      ranked.put(query, Collections.unmodifiableList(sorted));
    });
    return new Run(Collections.unmodifiableMap(ranked));
  }

  public Set<String> queryIds() {
    return rankings.keySet();
  }

  /** The ranking of one query, best first (rank 1 at index 0); empty when it has none. */
  public List<ScoredDoc> ranking(String queryId) {
    return rankings.getOrDefault(queryId, List.of());
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
