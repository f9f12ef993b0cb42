package org.paperlens.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.index.IndexHit;
import org.paperlens.paper.PaperId;

/**
 * Ways to combine a keyword ranking and a semantic ranking into one. Which is the default is
 * decided by measurement on the SciFact train split (docs/relevance.md).
 */
public sealed interface Fusion {

  /** Fuses two rankings (best first) into one of at most {@code k} papers, best first. */
  List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, int k);

  /**
   * As {@link #fuse(List, List, int)}, while some papers have no embedding yet ({@code unembedded}):
   * those cannot appear in the semantic list, so they are given the semantic contribution their
   * keyword rank or score earns. A better keyword hit is then never pushed down just because it
   * is still waiting to be embedded.
   */
  List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, int k, java.util.Set<PaperId> unembedded);

  /**
   * Reciprocal-rank fusion (Cormack et al., 2009): each list adds 1 / (rankConstant + rank).
   * Ignores scores entirely, so it needs no calibration.
   */
  record ReciprocalRank(int rankConstant) implements Fusion {
    @Override
    public List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, int k) {
      return fuse(keyword, semantic, k, java.util.Set.of());
    }

    @Override
    public List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, int k, java.util.Set<PaperId> unembedded) {
      Map<PaperId, Float> scores = new LinkedHashMap<>();
      addRanks(scores, keyword);
      addRanks(scores, semantic);
      for (int i = 0; i < keyword.size(); i++) {
        if (unembedded.contains(keyword.get(i).id())) {
          scores.merge(keyword.get(i).id(), 1f / (rankConstant + i + 1), Float::sum);
        }
      }
      return top(scores, k);
    }

    private void addRanks(Map<PaperId, Float> scores, List<IndexHit> hits) {
      for (int i = 0; i < hits.size(); i++) {
        scores.merge(hits.get(i).id(), 1f / (rankConstant + i + 1), Float::sum);
      }
    }
  }

  /**
   * Weighted sum of scores, each list first scaled to [0, 1] by its own min and max, so BM25's
   * unbounded scores and cosine similarities become comparable. A paper missing from a list
   * gets 0 from it.
   *
   * @param keywordWeight weight of the keyword list; the semantic list gets {@code 1 - keywordWeight}
   */
  record WeightedScores(float keywordWeight) implements Fusion {
    public WeightedScores {
      if (keywordWeight < 0 || keywordWeight > 1) {
        throw new IllegalArgumentException("keyword weight must be in [0, 1], was " + keywordWeight);
      }
    }

    @Override
    public List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, int k) {
      return fuse(keyword, semantic, k, java.util.Set.of());
    }

    @Override
    public List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, int k, java.util.Set<PaperId> unembedded) {
      Map<PaperId, Float> scores = new HashMap<>();
      addScaled(scores, keyword, keywordWeight, id -> true);
      addScaled(scores, semantic, 1 - keywordWeight, id -> true);
      if (!unembedded.isEmpty()) {
        addScaled(scores, keyword, 1 - keywordWeight, unembedded::contains);
      }
      return top(scores, k);
    }

    /** Adds the min-max scaled score times {@code weight} of each hit {@code include} accepts. */
    private static void addScaled(Map<PaperId, Float> scores, List<IndexHit> hits, float weight,
        java.util.function.Predicate<PaperId> include) {
      if (hits.isEmpty()) {
        return;
      }
      float max = Float.NEGATIVE_INFINITY;
      float min = Float.POSITIVE_INFINITY;
      for (IndexHit h : hits) {
        max = Math.max(max, h.score());
        min = Math.min(min, h.score());
      }
      float range = max - min;
      for (IndexHit h : hits) {
        if (!include.test(h.id())) {
          continue;
        }
        float scaled = range > 0 ? (h.score() - min) / range : 1f;
        scores.merge(h.id(), weight * scaled, Float::sum);
      }
    }
  }

  /** Highest score first; ties broken by id so results are the same on every run. */
  private static List<IndexHit> top(Map<PaperId, Float> scores, int k) {
    List<IndexHit> all = new ArrayList<>(scores.size());
    scores.forEach((id, s) -> all.add(new IndexHit(id, s)));
    all.sort(Comparator.comparingDouble((IndexHit h) -> -h.score()).thenComparing(IndexHit::id));
    return all.size() > k ? List.copyOf(all.subList(0, k)) : all;
  }
}
