package org.paperlens.citation.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import org.paperlens.paper.PaperId;

/**
 * Ranks a paper's neighbours in a {@link CitationGraph} by co-citation (papers cited together
 * with it), bibliographic coupling (papers sharing its references) and, when {@code bridges} is
 * on, papers one citation step beyond a reference or a citer (it cites X, X cites them; or they
 * cite X, X cites it). Each query walks only the paper's two-step neighbourhood: the cost is the
 * sum of its neighbours' degrees, whatever the size of the graph. Thread-safe.
 *
 * @param bridges whether to follow citation paths through one paper besides shared citers and
 *     references (measured on CiteSeer's tuning half: docs/relevance.md)
 */
public record GraphRanker(CitationGraph graph, Weighting weighting, boolean bridges) {

  /**
   * Intermediate papers linking more papers than this on the far side are skipped: a paper cited
   * ten thousand times says almost nothing about which two of its citers belong together, and
   * walking it would make one query cost ten thousand steps.
   */
  static final int MAX_FAN_OUT = 10_000;

  /**
   * The ranking's choices apart from the graph.
   *
   * @param bridges see {@link GraphRanker}
   */
  public record Settings(Weighting weighting, boolean bridges) {

    /** What the measurement chose (docs/relevance.md, "Related papers from the citation graph"). */
    public static final Settings DEFAULT = new Settings(Weighting.IDF, true);

    public GraphRanker on(CitationGraph graph) {
      return new GraphRanker(graph, weighting, bridges);
    }

    /** For tables: "idf + bridges". */
    public String label() {
      return weighting.name().toLowerCase(java.util.Locale.ROOT) + (bridges ? " + bridges" : "");
    }
  }

  public GraphRanker {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(weighting, "weighting");
  }

  /** Papers most often cited together with {@code id}, best first, at most {@code k}. */
  public List<GraphNeighbour> coCited(PaperId id, int k) {
    return rank(id, k, q -> true, true, false, false);
  }

  /** Papers sharing the most references with {@code id}, best first, at most {@code k}. */
  public List<GraphNeighbour> coupled(PaperId id, int k) {
    return rank(id, k, q -> true, false, true, false);
  }

  /**
   * Every signal summed (co-citation, coupling, and bridges when on), best first, at most
   * {@code k}, leaving out the paper itself and {@code exclude}; empty for a paper the graph
   * does not hold. Ties are broken by id so every run gives the same list.
   */
  public List<GraphNeighbour> neighbours(PaperId id, int k, Set<PaperId> exclude) {
    return rank(id, k, q -> !exclude.contains(q), true, true, bridges);
  }

  /**
   * As {@link #neighbours(PaperId, int, Set)}, keeping only the papers {@code keep} accepts. The
   * test is asked best first and only until {@code k} are kept, so it may cost a look-up (is the
   * paper in the index, does it pass the filters) without being asked of every paper found.
   */
  public List<GraphNeighbour> neighbours(PaperId id, int k, Predicate<PaperId> keep) {
    return rank(id, k, keep, true, true, bridges);
  }

  private List<GraphNeighbour> rank(PaperId id, int k, Predicate<PaperId> keep, boolean co, boolean bc, boolean br) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    OptionalInt node = graph.node(id);
    if (node.isEmpty()) {
      return List.of();
    }
    int p = node.getAsInt();
    Tally found = new Tally(64);
    for (int i = 0; i < graph.citerCount(p); i++) {
      int via = graph.citer(p, i);
      if (co) {
        walk(found, p, via, graph.referenceCount(via), false, Relation.CO_CITED);
      }
      if (br) {
        walk(found, p, via, graph.citerCount(via), true, Relation.BRIDGE);
      }
    }
    for (int i = 0; i < graph.referenceCount(p); i++) {
      int via = graph.reference(p, i);
      if (bc) {
        walk(found, p, via, graph.citerCount(via), true, Relation.COUPLED);
      }
      if (br) {
        walk(found, p, via, graph.referenceCount(via), false, Relation.BRIDGE);
      }
    }
    return best(found, p, k, keep);
  }

  /**
   * The best {@code k} that {@code keep} accepts, by score, ties by id. Only a band of the best
   * scores is sorted in full (by score, then id), widened while the test turns too many away: a
   * query may credit a hundred thousand papers, and sorting them all by id would cost more than
   * finding them.
   */
  private List<GraphNeighbour> best(Tally found, int p, int k, Predicate<PaperId> keep) {
    int n = found.size();
    double[] score = new double[n];
    for (int s = 0; s < n; s++) {
      score[s] = score(found, s, p);
    }
    double[] sorted = score.clone();
    java.util.Arrays.sort(sorted);
    List<GraphNeighbour> out = new ArrayList<>(Math.min(k, n));
    int band = Math.min(n, 4 * k);
    double done = Double.POSITIVE_INFINITY; // scores at or above this were already looked at
    while (out.size() < k && band > 0) {
      double threshold = sorted[n - band];
      List<GraphNeighbour> candidates = new ArrayList<>();
      for (int s = 0; s < n; s++) {
        if (score[s] >= threshold && score[s] < done) {
          candidates.add(new GraphNeighbour(graph.id(found.node(s)), score[s], found.count(s, 0), found.count(s, 1),
              found.count(s, 2)));
        }
      }
      candidates.sort(Comparator.comparingDouble((GraphNeighbour g) -> -g.score()).thenComparing(GraphNeighbour::id));
      for (int i = 0; i < candidates.size() && out.size() < k; i++) {
        if (keep.test(candidates.get(i).id())) {
          out.add(candidates.get(i));
        }
      }
      if (band == n) {
        break;
      }
      done = threshold;
      band = Math.min(n, band * 2);
    }
    return out;
  }

  /** Credits every paper on the far side of {@code via} (its citers when {@code citers}, else its references). */
  private void walk(Tally found, int p, int via, int fan, boolean citers, Relation relation) {
    if (fan > MAX_FAN_OUT) {
      return;
    }
    double weight = weighting == Weighting.IDF ? 1 / Math.log(1 + fan) : 1;
    int r = relation.ordinal();
    for (int j = 0; j < fan; j++) {
      int q = citers ? graph.citer(via, j) : graph.reference(via, j);
      if (q != p) {
        found.add(q, r, weight);
      }
    }
  }

  private enum Relation { CO_CITED, COUPLED, BRIDGE }

  /** The score of one paper found: the summed weights, or under {@link Weighting#COSINE} each relation normalised. */
  private double score(Tally t, int slot, int p) {
    if (weighting != Weighting.COSINE) {
      return t.sum(slot, 0) + t.sum(slot, 1) + t.sum(slot, 2);
    }
    // Salton: each relation normalised by the degrees it counts over
    int q = t.node(slot);
    double s = 0;
    if (t.count(slot, 0) > 0) {
      s += t.sum(slot, 0) / Math.sqrt((double) graph.citerCount(p) * graph.citerCount(q));
    }
    if (t.count(slot, 1) > 0) {
      s += t.sum(slot, 1) / Math.sqrt((double) graph.referenceCount(p) * graph.referenceCount(q));
    }
    if (t.count(slot, 2) > 0) {
      s += t.sum(slot, 2) / Math.sqrt((double) degree(p) * degree(q));
    }
    return s;
  }

  private int degree(int node) {
    return graph.citerCount(node) + graph.referenceCount(node);
  }
}
