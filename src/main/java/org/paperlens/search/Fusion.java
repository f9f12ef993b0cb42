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
 * Ways to combine a keyword ranking and a semantic ranking (and, where a deployment runs a second
 * embedding model, a second semantic ranking) into one. Which is the default is decided by
 * measurement on the SciFact train split (docs/relevance.md).
 */
public sealed interface Fusion {

  /**
   * The fusion to use for {@code query}: itself, except for {@link ByQueryLength}, which picks by
   * the query's length.
   */
  default Fusion forQuery(String query) {
    return this;
  }

  /** Whether this fusion gives a second semantic list any weight; if not, none need be retrieved. */
  default boolean usesSecond() {
    return false;
  }

  /**
   * As {@link #fuse(List, List, int, java.util.Set)} with a second semantic ranking ({@code second},
   * from another embedding model) as a third list. Fusions that give it no weight ignore it.
   */
  default List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, List<IndexHit> second, int k,
      java.util.Set<PaperId> unembedded) {
    return fuse(keyword, semantic, k, unembedded);
  }

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
   * @param keywordWeight weight of the keyword list
   * @param secondWeight weight of the second semantic list (0 when there is none); the semantic
   *     list gets {@code 1 - keywordWeight - secondWeight}. Fused without a second list, the other
   *     two keep their ratio: a deployment without the second model loses only that list.
   */
  record WeightedScores(float keywordWeight, float secondWeight) implements Fusion {
    public WeightedScores {
      if (keywordWeight < 0 || keywordWeight > 1) {
        throw new IllegalArgumentException("keyword weight must be in [0, 1], was " + keywordWeight);
      }
      if (secondWeight < 0 || keywordWeight + secondWeight > 1) {
        throw new IllegalArgumentException("second list weight must be in [0, 1 - keyword weight], was " + secondWeight);
      }
    }

    /** Two lists: the semantic list gets {@code 1 - keywordWeight}. */
    public WeightedScores(float keywordWeight) {
      this(keywordWeight, 0f);
    }

    /** Weight of the (first) semantic list. */
    public float semanticWeight() {
      return Math.max(0f, 1 - keywordWeight - secondWeight);
    }

    @Override
    public boolean usesSecond() {
      return secondWeight > 0;
    }

    @Override
    public List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, int k) {
      return fuse(keyword, semantic, k, java.util.Set.of());
    }

    @Override
    public List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, int k, java.util.Set<PaperId> unembedded) {
      float total = keywordWeight + semanticWeight();
      float kw = secondWeight == 0 ? keywordWeight : total > 0 ? keywordWeight / total : 0f;
      return fused(keyword, kw, semantic, 1 - kw, List.of(), 0f, k, unembedded);
    }

    @Override
    public List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, List<IndexHit> second, int k,
        java.util.Set<PaperId> unembedded) {
      return fused(keyword, keywordWeight, semantic, semanticWeight(), second, secondWeight, k, unembedded);
    }

    private static List<IndexHit> fused(List<IndexHit> keyword, float kw, List<IndexHit> semantic, float sw,
        List<IndexHit> second, float ew, int k, java.util.Set<PaperId> unembedded) {
      Map<PaperId, Float> scores = new HashMap<>();
      addScaled(scores, keyword, kw, id -> true);
      addScaled(scores, semantic, sw, id -> true);
      addScaled(scores, second, ew, id -> true);
      if (!unembedded.isEmpty()) {
        // Not embedded yet (by either model, as far as we know): the meaning weights follow the keyword score.
        addScaled(scores, keyword, sw + ew, unembedded::contains);
      }
      return top(scores, k);
    }

    /** Adds the min-max scaled score times {@code weight} of each hit {@code include} accepts. */
    private static void addScaled(Map<PaperId, Float> scores, List<IndexHit> hits, float weight,
        java.util.function.Predicate<PaperId> include) {
      if (hits.isEmpty() || weight == 0) {
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

  /**
   * One fusion for short queries and another for long ones: a few typed words and a whole sentence
   * are not served equally well by words and by meaning.
   *
   * @param maxShortWords queries of at most this many words (runs of letters or digits) are short
   */
  record ByQueryLength(int maxShortWords, Fusion shorter, Fusion longer) implements Fusion {
    public ByQueryLength {
      if (maxShortWords < 1) {
        throw new IllegalArgumentException("the short-query limit must be at least 1 word, was " + maxShortWords);
      }
      if (shorter instanceof ByQueryLength || longer instanceof ByQueryLength) {
        throw new IllegalArgumentException("length buckets do not nest");
      }
    }

    @Override
    public Fusion forQuery(String query) {
      return words(query) <= maxShortWords ? shorter : longer;
    }

    @Override
    public boolean usesSecond() {
      return shorter.usesSecond() || longer.usesSecond();
    }

    /** Without the query: the long-query fusion, the one sentences (and similar papers' texts) get. */
    @Override
    public List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, int k) {
      return longer.fuse(keyword, semantic, k);
    }

    @Override
    public List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, int k, java.util.Set<PaperId> unembedded) {
      return longer.fuse(keyword, semantic, k, unembedded);
    }

    @Override
    public List<IndexHit> fuse(List<IndexHit> keyword, List<IndexHit> semantic, List<IndexHit> second, int k,
        java.util.Set<PaperId> unembedded) {
      return longer.fuse(keyword, semantic, second, k, unembedded);
    }

    /** Runs of letters or digits: query syntax and punctuation are not words. */
    static int words(String query) {
      int n = 0;
      boolean in = false;
      for (int i = 0; i < query.length(); ) {
        int c = query.codePointAt(i);
        boolean letter = Character.isLetterOrDigit(c);
        if (letter && !in) {
          n++;
        }
        in = letter;
        i += Character.charCount(c);
      }
      return n;
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
