package org.paperlens.related;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperlens.citation.graph.GraphNeighbour;
import org.paperlens.citation.graph.GraphRelevance;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.LexicalNeighbours;
import org.paperlens.index.PaperIndex;
import org.paperlens.index.VectorLookup;
import org.paperlens.paper.PaperId;
import org.paperlens.search.Fusion;

/**
 * Finds the papers related to one paper: its nearest neighbours by embedding and its
 * more-like-this matches by distinctive words, fused, the paper itself excluded, each with a reason.
 * Where the citation graph holds the paper, its co-cited and coupled neighbours are fused in as
 * {@link GraphRelevance} says (the settings eval-graph measured); where it does not, the ranking is
 * the text ranking exactly as it was before citations existed. Thread-safe if the index, the
 * vector lookup and the graph supplier are.
 */
public final class RelatedPapers {

  /** How many candidates each side contributes to the fusion. */
  static final int CANDIDATES = 50;

  private final PaperIndex index;
  private final VectorLookup vectors;
  private final Fusion fusion;
  private final CitationSignal citations;

  /** Related by text alone. */
  public RelatedPapers(PaperIndex index, VectorLookup vectors, Fusion fusion) {
    this(index, vectors, fusion, CitationSignal.NONE);
  }

  public RelatedPapers(PaperIndex index, VectorLookup vectors, Fusion fusion, CitationSignal citations) {
    this.index = index;
    this.vectors = vectors;
    this.fusion = fusion;
    this.citations = citations;
  }

  /** Where the citation graph comes from and how it is fused: recommendations fuse it the same way. */
  public CitationSignal citations() {
    return citations;
  }

  /** The generation of the citation graph now used: what a cache of related papers keys on besides the index. */
  public long citationGeneration() {
    return citations.graph().get().generation();
  }

  /** A ranking, and the graph evidence of the papers the graph put in it. */
  private record Ranked(List<IndexHit> hits, Map<PaperId, GraphNeighbour> graph) {}

  /**
   * @throws UnknownPaperException when {@code id} is not in the index
   */
  public List<RelatedPaper> find(PaperId id, Filters filters, int k) {
    float[] vector = vectors.vectorFor(id);
    Ranked ranked = rank(id, vector, filters, k, Set.of());
    List<IndexHit> fused = ranked.hits();
    List<PaperId> ids = fused.stream().map(IndexHit::id).toList();
    Map<PaperId, List<String>> shared = index.sharedTerms(id, ids);
    Map<PaperId, IndexedPaper> papers = index.getAll(ids);
    List<RelatedPaper> out = new ArrayList<>(fused.size());
    for (IndexHit h : fused) {
      IndexedPaper paper = papers.get(h.id());
      if (paper != null) {
        Double sim = cosine(vector, vectors.vectorFor(h.id()));
        out.add(new RelatedPaper(out.size() + 1, paper, h.score(), shared.getOrDefault(h.id(), List.of()), sim,
            ranked.graph().get(h.id())));
      }
    }
    return out;
  }

  /**
   * The related papers' ids and fused scores only, best first: what evaluation scores.
   *
   * @throws UnknownPaperException when {@code id} is not in the index
   */
  public List<IndexHit> rank(PaperId id, Filters filters, int k) {
    return rank(id, vectors.vectorFor(id), filters, k, Set.of()).hits();
  }

  /**
   * As {@link #rank(PaperId, Filters, int)}, leaving {@code exclude} out of both the text and the
   * graph list before they are fused: how eval-graph asks, leaving out a paper's known links.
   */
  public List<IndexHit> rank(PaperId id, Filters filters, int k, Set<PaperId> exclude) {
    return rank(id, vectors.vectorFor(id), filters, k, exclude).hits();
  }

  private Ranked rank(PaperId id, float[] vector, Filters filters, int k, Set<PaperId> exclude) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    if (index.get(id).isEmpty()) {
      throw new UnknownPaperException(id);
    }
    GraphRelevance relevance = citations.relevance();
    List<GraphNeighbour> graph = inIndex(relevance.neighbours(citations.graph().get().graph(), id,
        q -> !exclude.contains(q) && !CitationSignal.isExternal(q)), filters);
    if (graph.isEmpty() && exclude.isEmpty()) {
      return new Ranked(textRank(id, vector, filters, k), Map.of()); // as before citations existed
    }
    List<IndexHit> text = textRank(id, vector, filters, Math.max(k, relevance.depth())).stream()
        .filter(h -> !exclude.contains(h.id())).toList();
    List<IndexHit> fused = relevance.fuse(text, graph, k);
    Map<PaperId, GraphNeighbour> byId = new HashMap<>();
    graph.forEach(g -> byId.put(g.id(), g));
    return new Ranked(fused, byId);
  }

  /** The neighbours that are in the index and pass the filters: one look-up for all, then one per paper only when filtered. */
  private List<GraphNeighbour> inIndex(List<GraphNeighbour> graph, Filters filters) {
    if (graph.isEmpty()) {
      return graph;
    }
    Set<PaperId> indexed = index.getAll(graph.stream().map(GraphNeighbour::id).toList()).keySet();
    return graph.stream()
        .filter(g -> indexed.contains(g.id()) && (filters.isEmpty() || index.contains(g.id(), filters))).toList();
  }

  private List<IndexHit> textRank(PaperId id, float[] vector, Filters filters, int k) {
    List<IndexHit> dense = new ArrayList<>();
    if (vector != null) {
      for (IndexHit h : index.nearest(vector, filters, Math.max(k, CANDIDATES) + 1)) {
        if (!h.id().equals(id)) {
          dense.add(h);
        }
      }
    }
    LexicalNeighbours lexical = index.moreLikeThis(id, filters, Math.max(k, CANDIDATES));
    return fusion.fuse(lexical.hits(), dense, k);
  }

  /** Vectors are unit length, so the dot product is the cosine; null when either is missing. */
  private static Double cosine(float[] a, float[] b) {
    if (a == null || b == null || a.length != b.length) {
      return null;
    }
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }
}
