package org.paperlens.citation.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.index.IndexHit;
import org.paperlens.paper.PaperId;

/**
 * Fuses a text ranking of related papers (what {@code related.RelatedPapers} ranks: dense
 * neighbours and more-like-this, already fused) with a citation-graph ranking. A pure function
 * of the two lists, so it can sit after any text ranking. When the graph knows nothing of the
 * paper (an empty graph list) the text ranking comes out unchanged. Which variant and weight
 * is the default was measured on the tuning half of CiteSeer's held-out links (docs/relevance.md).
 */
public sealed interface GraphFusion {

  /**
   * The measured choice (docs/relevance.md, "Related papers from the citation graph"): plain
   * reciprocal-rank fusion at k = 10, both lists weighing the same; the best weighted sum was
   * within 0.001 nDCG@10 of it on the tuning half.
   */
  GraphFusion DEFAULT = new ReciprocalRank(10, 0.5);

  /** The fused ranking of at most {@code k} papers, best first; ties broken by id. */
  List<IndexHit> fuse(List<IndexHit> text, List<IndexHit> graph, int k);

  /** The graph ranking as hits, for {@link #fuse}. */
  static List<IndexHit> hits(List<GraphNeighbour> neighbours) {
    return neighbours.stream().map(g -> new IndexHit(g.id(), (float) g.score())).toList();
  }

  /**
   * Each list divided by its own best score, then {@code (1 - graphWeight) × text + graphWeight ×
   * graph}; a paper absent from a list gets 0 from it. Dividing by the maximum alone (not min-max)
   * keeps a paper co-cited once worth something when the best is co-cited five times, and a
   * graph list whose papers all tie does not outweigh the text.
   */
  record WeightedSum(double graphWeight) implements GraphFusion {
    public WeightedSum {
      if (!(graphWeight >= 0 && graphWeight <= 1)) {
        throw new IllegalArgumentException("graph weight must be in [0, 1], was " + graphWeight);
      }
    }

    @Override
    public List<IndexHit> fuse(List<IndexHit> text, List<IndexHit> graph, int k) {
      Map<PaperId, Double> scores = new HashMap<>();
      add(scores, text, 1 - graphWeight);
      add(scores, graph, graphWeight);
      return top(scores, k);
    }

    private static void add(Map<PaperId, Double> scores, List<IndexHit> hits, double weight) {
      double max = hits.stream().mapToDouble(IndexHit::score).max().orElse(0);
      for (IndexHit h : hits) {
        double scaled = max > 0 ? h.score() / max : 1;
        scores.merge(h.id(), weight * scaled, Double::sum);
      }
    }
  }

  /**
   * Reciprocal-rank fusion (Cormack et al., 2009) with a weight per list: text adds
   * {@code (1 - graphWeight) / (rankConstant + rank)}, graph {@code graphWeight / (rankConstant + rank)}.
   * Blind to scores, so it needs no scaling of the graph's weights against the text's; a small
   * rank constant (10 rather than the usual 60) lets the first few places of each list count most.
   */
  record ReciprocalRank(int rankConstant, double graphWeight) implements GraphFusion {
    public ReciprocalRank {
      if (rankConstant < 1 || !(graphWeight >= 0 && graphWeight <= 1)) {
        throw new IllegalArgumentException("need rank constant >= 1 and graph weight in [0, 1], were "
            + rankConstant + ", " + graphWeight);
      }
    }

    @Override
    public List<IndexHit> fuse(List<IndexHit> text, List<IndexHit> graph, int k) {
      Map<PaperId, Double> scores = new HashMap<>();
      for (int i = 0; i < text.size(); i++) {
        scores.merge(text.get(i).id(), (1 - graphWeight) / (rankConstant + i + 1), Double::sum);
      }
      for (int i = 0; i < graph.size(); i++) {
        scores.merge(graph.get(i).id(), graphWeight / (rankConstant + i + 1), Double::sum);
      }
      return top(scores, k);
    }
  }

  private static List<IndexHit> top(Map<PaperId, Double> scores, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    List<IndexHit> all = new ArrayList<>(scores.size());
    scores.forEach((id, s) -> all.add(new IndexHit(id, s.floatValue())));
    all.sort(Comparator.comparingDouble((IndexHit h) -> -h.score()).thenComparing(IndexHit::id));
    return all.size() > k ? List.copyOf(all.subList(0, k)) : all;
  }
}
