package org.paperlens.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.search.SecondMeaning;

/**
 * The second meaning list of {@code eval --second-model}: exact cosine over every stored vector of
 * the second model, held in memory. Right for a benchmark corpus of a few thousand papers (SciFact:
 * 5,183 × 384 floats, 8 MB), not for a catalogue; a deployment would search a second vector field
 * of the index instead. Exact, so its figures are a touch above what an approximate graph gives.
 * Filters are not applied: evaluation searches without any.
 */
final class ExactSecondMeaning implements SecondMeaning {

  private final Encoder encoder;
  private final List<PaperVector> vectors = new ArrayList<>();
  private final Map<String, float[]> queries = new ConcurrentHashMap<>();

  /** Reads every stored vector of {@code encoder}'s model; queries are embedded with {@code encoder}, each once. */
  ExactSecondMeaning(VectorStore store, Encoder encoder) {
    this.encoder = encoder;
    store.forEach(encoder.model(), vectors::add);
  }

  int size() {
    return vectors.size();
  }

  @Override
  public List<IndexHit> nearest(String query, Filters filters, int depth) {
    if (filters != Filters.NONE) {
      throw new IllegalArgumentException("the exact second list of eval takes no filters");
    }
    float[] q;
    synchronized (encoder) { // one thread at a time per encoder
      q = queries.computeIfAbsent(query, encoder::embedQuery);
    }
    PriorityQueue<IndexHit> best = new PriorityQueue<>(Comparator.comparingDouble(IndexHit::score));
    for (PaperVector v : vectors) {
      float s = dot(q, v.vector());
      if (best.size() < depth) {
        best.add(new IndexHit(v.id(), s));
      } else if (s > best.peek().score()) {
        best.poll();
        best.add(new IndexHit(v.id(), s));
      }
    }
    List<IndexHit> out = new ArrayList<>(best);
    out.sort(Comparator.comparingDouble((IndexHit h) -> -h.score()).thenComparing(IndexHit::id));
    return out;
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** For messages: how many vectors of which model. */
  String describe() {
    return String.format("%,d %s vectors, exact cosine", vectors.size(), encoder.model());
  }
}
