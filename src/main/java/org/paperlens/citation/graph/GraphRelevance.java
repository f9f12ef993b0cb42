package org.paperlens.citation.graph;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.paperlens.index.IndexHit;
import org.paperlens.paper.PaperId;

/**
 * How the citation graph joins a text ranking of related papers: the graph ranking's settings,
 * the fusion, and how deep both lists are read before they are fused. The one place these
 * choices live: related papers, recommendations and {@code paperlens eval-graph} all rank through
 * {@link #DEFAULT}, so the figures in docs/relevance.md describe what people are shown.
 *
 * @param depth how many papers each list contributes to the fusion (the text list must be read
 *     this deep too, whatever the number finally shown)
 */
public record GraphRelevance(GraphRanker.Settings settings, GraphFusion fusion, int depth) {

  /** The measured choices (docs/relevance.md, "Related papers from the citation graph"). */
  public static final GraphRelevance DEFAULT = new GraphRelevance(GraphRanker.Settings.DEFAULT, GraphFusion.DEFAULT, 100);

  public GraphRelevance {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(fusion, "fusion");
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1, was " + depth);
    }
  }

  /**
   * The graph neighbours of {@code id}, best first, {@link #depth} at most, each accepted by
   * {@code keep} (asked best first, only until the list is full); empty when the graph does not
   * hold the paper.
   */
  public List<GraphNeighbour> neighbours(CitationGraph graph, PaperId id, Predicate<PaperId> keep) {
    if (!graph.contains(id)) {
      return List.of();
    }
    return settings.on(graph).neighbours(id, depth, keep);
  }

  /**
   * The top {@code k} of the text ranking fused with the graph's; with no graph neighbours, the
   * text ranking's top {@code k} unchanged (scores too). Both lists should already be without the
   * paper itself and anything the caller leaves out.
   */
  public List<IndexHit> fuse(List<IndexHit> text, List<GraphNeighbour> graph, int k) {
    return fuseHits(text, GraphFusion.hits(graph), k);
  }

  /** As {@link #fuse}, the graph's ranking given as hits (several papers' neighbourhoods summed, say). */
  public List<IndexHit> fuseHits(List<IndexHit> text, List<IndexHit> graph, int k) {
    if (graph.isEmpty()) {
      return text.size() > k ? List.copyOf(text.subList(0, k)) : List.copyOf(text);
    }
    return fusion.fuse(text, graph, k);
  }
}
