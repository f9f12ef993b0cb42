package org.paperlens.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperlens.index.FeatureSource;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexedPaper;
import org.paperlens.paper.PaperId;
import org.paperlens.related.RelatedPaper;
import org.paperlens.related.RelatedPapers;

/**
 * Recommendations from related papers alone, when no model is learned: for one liked paper its
 * related papers; for several on an engine without a {@link FeatureSource}, the related papers of
 * each, merged by reciprocal rank. Thread-safe if the related-paper finder is.
 */
final class RelatedRecommendations {

  /** Reciprocal-rank constant when related lists are merged (the usual 60). */
  private static final int RRF_K = 60;

  private final RelatedPapers related;

  RelatedRecommendations(RelatedPapers related) {
    this.related = related;
  }

  /** A single liked paper: its related papers are the best recommendation we have. */
  Recommendations one(PaperId paper, Map<PaperId, IndexedPaper> papers, Set<PaperId> disliked,
      Filters window, int k, LocalDate from, LocalDate to, List<String> notes) {
    List<Recommendation> items = new ArrayList<>();
    for (RelatedPaper r : related.find(paper, window, k + disliked.size())) {
      if (!disliked.contains(r.paper().id()) && items.size() < k) {
        Explanation why = new Explanation(r.sharedTerms().stream().limit(Recommender.EXPLAIN_TERMS).toList(),
            List.of(new Explanation.LikedPaper(paper, titleOf(papers, paper), r.similarity())),
            r.citations() == null ? List.of() : List.of(new Explanation.Cited(paper, titleOf(papers, paper), r.citations())));
        items.add(new Recommendation(items.size() + 1, r.paper(), r.score(), why));
      }
    }
    notes.add("one liked paper: showing its related papers");
    return new Recommendations(items, "related", from, to, items.size(),
        items.isEmpty() ? "no papers " + describe(window) + " are related to " + paper : null, notes);
  }

  /**
   * Several liked papers on an engine without {@link FeatureSource} (SolrCloud): the related papers
   * of each liked paper, merged by reciprocal rank (a paper related to several liked ones rises).
   * No model is learned and disliked papers are only left out, not used to push similar ones down.
   */
  Recommendations ofEach(Set<PaperId> liked, Map<PaperId, IndexedPaper> papers, Set<PaperId> disliked,
      Filters window, int k, LocalDate from, LocalDate to, List<String> notes) {
    Map<PaperId, Double> score = new LinkedHashMap<>();
    Map<PaperId, RelatedPaper> best = new LinkedHashMap<>();
    Map<PaperId, List<Explanation.LikedPaper>> because = new LinkedHashMap<>();
    Map<PaperId, List<Explanation.Cited>> cited = new LinkedHashMap<>();
    for (PaperId like : liked) {
      for (RelatedPaper r : related.find(like, window, k + liked.size() + disliked.size())) {
        PaperId id = r.paper().id();
        if (liked.contains(id) || disliked.contains(id)) {
          continue;
        }
        score.merge(id, 1.0 / (RRF_K + r.rank()), Double::sum);
        best.putIfAbsent(id, r);
        because.computeIfAbsent(id, x -> new ArrayList<>())
            .add(new Explanation.LikedPaper(like, titleOf(papers, like), r.similarity()));
        if (r.citations() != null) {
          cited.computeIfAbsent(id, x -> new ArrayList<>()).add(new Explanation.Cited(like, titleOf(papers, like), r.citations()));
        }
      }
    }
    List<PaperId> order = new ArrayList<>(score.keySet());
    order.sort(Comparator.comparingDouble((PaperId id) -> -score.get(id)).thenComparing(id -> id.value()));
    List<Recommendation> items = new ArrayList<>();
    for (PaperId id : order.subList(0, Math.min(k, order.size()))) {
      RelatedPaper r = best.get(id);
      Explanation why = new Explanation(r.sharedTerms().stream().limit(Recommender.EXPLAIN_TERMS).toList(),
          because.get(id).stream().limit(Recommender.EXPLAIN_LIKED).toList(),
          cited.getOrDefault(id, List.of()).stream().limit(Recommender.EXPLAIN_LIKED).toList());
      items.add(new Recommendation(items.size() + 1, r.paper(), score.get(id), why));
    }
    notes.add("this search backend has no feature reader: showing the related papers of each liked paper, merged");
    return new Recommendations(items, "related", from, to, score.size(),
        items.isEmpty() ? "no papers " + describe(window) + " are related to the liked papers" : null, notes);
  }

  /** The citation graph and its fusion, as related papers use them. */
  org.paperlens.related.CitationSignal citations() {
    return related.citations();
  }

  static String titleOf(Map<PaperId, IndexedPaper> papers, PaperId id) {
    IndexedPaper p = papers.get(id);
    return p == null ? null : p.title();
  }

  static String describe(Filters window) {
    StringBuilder b = new StringBuilder();
    if (window.from() != null && window.to() != null) {
      b.append("listed from ").append(window.from()).append(" to ").append(window.to());
    } else if (window.to() != null) {
      b.append("listed up to ").append(window.to());
    } else {
      b.append("in the index");
    }
    if (!window.categories().isEmpty()) {
      b.append(" in ").append(String.join(", ", new java.util.TreeSet<>(window.categories())));
    }
    if (window.author() != null) {
      b.append(" by ").append(window.author());
    }
    return b.toString();
  }
}
