package org.paperlens.related;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.LexicalNeighbours;
import org.paperlens.index.PaperIndex;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.paper.PaperId;
import org.paperlens.search.Fusion;

/**
 * Finds the papers related to one paper: its nearest neighbours by embedding and its
 * more-like-this matches by distinctive words, fused, the paper itself excluded, each with a reason.
 * Thread-safe if the index and the vector lookup are.
 */
public final class RelatedPapers {

  /** How many candidates each side contributes to the fusion. */
  static final int CANDIDATES = 50;

  private final PaperIndex index;
  private final IndexBuilder.VectorLookup vectors;
  private final Fusion fusion;

  public RelatedPapers(PaperIndex index, IndexBuilder.VectorLookup vectors, Fusion fusion) {
    this.index = index;
    this.vectors = vectors;
    this.fusion = fusion;
  }

  /**
   * @throws UnknownPaperException when {@code id} is not in the index
   */
  public List<RelatedPaper> find(PaperId id, Filters filters, int k) {
    float[] vector = vectors.vectorFor(id);
    List<IndexHit> fused = rank(id, vector, filters, k);
    List<PaperId> ids = fused.stream().map(IndexHit::id).toList();
    Map<PaperId, List<String>> shared = index.sharedTerms(id, ids);
    Map<PaperId, IndexedPaper> papers = index.getAll(ids);
    List<RelatedPaper> out = new ArrayList<>(fused.size());
    for (IndexHit h : fused) {
      IndexedPaper paper = papers.get(h.id());
      if (paper != null) {
        Double sim = cosine(vector, vectors.vectorFor(h.id()));
        out.add(new RelatedPaper(out.size() + 1, paper, h.score(), shared.getOrDefault(h.id(), List.of()), sim));
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
    return rank(id, vectors.vectorFor(id), filters, k);
  }

  private List<IndexHit> rank(PaperId id, float[] vector, Filters filters, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    if (index.get(id).isEmpty()) {
      throw new UnknownPaperException(id);
    }
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
