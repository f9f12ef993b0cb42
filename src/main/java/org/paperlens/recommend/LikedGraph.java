package org.paperlens.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.paperlens.citation.graph.CitationGraph;
import org.paperlens.citation.graph.GraphNeighbour;
import org.paperlens.citation.graph.GraphRelevance;
import org.paperlens.index.IndexHit;
import org.paperlens.paper.PaperId;
import org.paperlens.related.CitationSignal;

/**
 * The citation graph's view of a set of liked papers: each candidate's graph neighbourhood of
 * every liked paper (co-citation, coupling, chains, as related papers rank them), summed over the
 * liked papers, so a paper cited together with three of them outranks one cited with one. Fused
 * with the learned model's ranking by {@link GraphRelevance}'s fusion and depth, the ones related
 * papers use. Empty when no liked paper has a candidate for neighbour: the model's ranking stands.
 */
final class LikedGraph {

  private final GraphRelevance relevance;
  private final List<IndexHit> ranking;
  private final Map<PaperId, List<Explanation.Cited>> evidence;

  private LikedGraph(GraphRelevance relevance, List<IndexHit> ranking, Map<PaperId, List<Explanation.Cited>> evidence) {
    this.relevance = relevance;
    this.ranking = ranking;
    this.evidence = evidence;
  }

  /**
   * @param candidate whether a paper may be recommended (in the window, neither liked nor disliked)
   * @param title a liked paper's title, for the reasons
   */
  static LikedGraph of(CitationSignal signal, List<PaperId> liked, Predicate<PaperId> candidate,
      Function<PaperId, String> title) {
    CitationGraph graph = signal.graph().get().graph();
    GraphRelevance relevance = signal.relevance();
    Map<PaperId, Double> score = new HashMap<>();
    Map<PaperId, List<Explanation.Cited>> evidence = new HashMap<>();
    for (PaperId like : liked) {
      for (GraphNeighbour n : relevance.neighbours(graph, like, q -> !CitationSignal.isExternal(q) && candidate.test(q))) {
        score.merge(n.id(), n.score(), Double::sum);
        evidence.computeIfAbsent(n.id(), x -> new ArrayList<>()).add(new Explanation.Cited(like, title.apply(like), n));
      }
    }
    evidence.values().forEach(l -> l.sort(Comparator.comparingDouble((Explanation.Cited c) -> -c.evidence().score())));
    List<IndexHit> ranking = new ArrayList<>(score.size());
    score.forEach((id, s) -> ranking.add(new IndexHit(id, s.floatValue())));
    ranking.sort(Comparator.comparingDouble((IndexHit h) -> -h.score()).thenComparing(IndexHit::id));
    return new LikedGraph(relevance, ranking.size() > relevance.depth() ? List.copyOf(ranking.subList(0, relevance.depth()))
        : ranking, evidence);
  }

  boolean isEmpty() {
    return ranking.isEmpty();
  }

  /** How deep the model's ranking must be read for the fusion. */
  int depth() {
    return relevance.depth();
  }

  /** The model's ranking (best first, at least {@link #depth} deep where there are so many) fused with the graph's. */
  List<IndexHit> fuse(List<IndexHit> model, int k) {
    return relevance.fuseHits(model, ranking, k);
  }

  /** The liked papers near {@code id} in the graph, strongest first, at most {@code limit}. */
  List<Explanation.Cited> evidence(PaperId id, int limit) {
    List<Explanation.Cited> all = evidence.getOrDefault(id, List.of());
    return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
  }
}
