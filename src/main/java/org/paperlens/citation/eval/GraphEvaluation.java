package org.paperlens.citation.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.paperlens.citation.graph.CitationGraph;
import org.paperlens.citation.graph.GraphFusion;
import org.paperlens.citation.graph.GraphRanker;
import org.paperlens.citation.graph.GraphRelevance;
import org.paperlens.eval.Metrics;
import org.paperlens.eval.ScoredDoc;
import org.paperlens.index.IndexHit;
import org.paperlens.paper.PaperId;

/**
 * Scores related-paper rankings on held-out links: for each query paper, its top 10 against its
 * hidden links (grade 1), nDCG@10 and Recall@10 as {@code trec_eval} computes them
 * ({@link Metrics}), averaged over the queries. The paper itself and its visible links are left
 * out of every ranking before the cut at 10: they are known, and the question is which unknown
 * links a ranking finds. The graph is built from the visible edges only. Not thread-safe: it
 * keeps each query's text ranking, which is the costly part, for the many variants scored on it.
 */
public final class GraphEvaluation {

  /** How deep each list is read before the known links are dropped and the lists are fused: the product's depth. */
  public static final int DEPTH = GraphRelevance.DEFAULT.depth();

  /** How many papers of each ranking are scored: the paper page shows ten related papers. */
  public static final int CUT = 10;

  /** Mean figures over {@code queries} papers. */
  public record Score(double ndcg, double recall, int queries) {}

  private final HeldOutLinks split;
  private final CitationGraph graph;
  private final Function<PaperId, List<IndexHit>> text;
  private final Map<PaperId, List<IndexHit>> textCache = new HashMap<>();

  /**
   * @param text the text ranking of a paper's related papers, best first, {@link #DEPTH} deep
   *     (called once per query; the result is kept)
   */
  public GraphEvaluation(HeldOutLinks split, Function<PaperId, List<IndexHit>> text) {
    this.split = split;
    this.graph = CitationGraph.of(split.visible());
    this.text = text;
  }

  public CitationGraph graph() {
    return graph;
  }

  public Score text(List<PaperId> queries) {
    return score(queries, this::textRanking);
  }

  public Score graph(List<PaperId> queries, GraphRanker.Settings settings) {
    return score(queries, q -> graphRanking(q, settings));
  }

  /** Text and graph fused as {@link GraphRelevance} fuses them, with these settings and fusion (the tuning's variants). */
  public Score fused(List<PaperId> queries, GraphRanker.Settings settings, GraphFusion fusion) {
    GraphRelevance relevance = new GraphRelevance(settings, fusion, DEPTH);
    return score(queries, q -> relevance.fuse(textRanking(q),
        relevance.neighbours(graph, q, p -> !split.linkedTo(q).contains(p)), DEPTH));
  }

  /**
   * Any ranking, scored as the others: for the product's own related papers
   * ({@code related.RelatedPapers} over this evaluation's {@link #graph}), asked to leave out the
   * paper's known links as {@link HeldOutLinks#linkedTo} gives them.
   */
  public Score ranked(List<PaperId> queries, Function<PaperId, List<IndexHit>> ranking) {
    return score(queries, ranking);
  }

  private List<IndexHit> textRanking(PaperId q) {
    Set<PaperId> known = split.linkedTo(q);
    return textCache.computeIfAbsent(q, id -> text.apply(id).stream()
        .filter(h -> !h.id().equals(id) && !known.contains(h.id())).toList());
  }

  private List<IndexHit> graphRanking(PaperId q, GraphRanker.Settings settings) {
    return GraphFusion.hits(settings.on(graph).neighbours(q, DEPTH, split.linkedTo(q)));
  }

  private Score score(List<PaperId> queries, Function<PaperId, List<IndexHit>> ranking) {
    double ndcg = 0;
    double recall = 0;
    for (PaperId q : queries) {
      Map<String, Integer> relevant = new HashMap<>();
      split.hidden().getOrDefault(q, Set.of()).forEach(p -> relevant.put(p.value(), 1));
      List<ScoredDoc> top = new ArrayList<>(CUT);
      for (IndexHit h : ranking.apply(q)) {
        if (top.size() == CUT) {
          break;
        }
        top.add(new ScoredDoc(h.id().value(), h.score()));
      }
      ndcg += Metrics.ndcg(top, relevant, CUT);
      recall += Metrics.recall(top, relevant, CUT);
    }
    int n = queries.size();
    return new Score(n == 0 ? 0 : ndcg / n, n == 0 ? 0 : recall / n, n);
  }
}
