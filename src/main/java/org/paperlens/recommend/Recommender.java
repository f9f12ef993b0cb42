package org.paperlens.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.paperlens.index.FeatureSource;
import org.paperlens.index.IndexHit;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.PaperFeatures;
import org.paperlens.index.PaperIndex;
import org.paperlens.paper.PaperId;
import org.paperlens.related.RelatedPapers;
import org.paperlens.related.UnknownPaperException;

/**
 * Recommends papers from a set of liked (and optionally disliked) papers: the entry point the
 * command line and the web app call. Thread-safe if the index is; every request trains its own
 * model, so requests share nothing.
 */
public final class Recommender {

  /**
   * @param lambda L2 penalty of the learned model
   * @param background how many random candidates the learned model sees as negatives
   */
  public record Settings(double lambda, int background) {
    public static final Settings DEFAULT = new Settings(LogisticRegression.DEFAULT_LAMBDA, 300);
  }

  /** Disliked papers count this many times a background paper in the learned model's loss. */
  private static final double DISLIKE_WEIGHT = 3;
  /** Rocchio's weight of the disliked papers' mean. */
  private static final double CENTROID_BETA = 0.5;
  static final int EXPLAIN_TERMS = 5;
  static final int EXPLAIN_LIKED = 3;
  private static final double NEAR_SHARE = 0.7;

  private final PaperIndex index;
  private final RelatedRecommendations byRelated;
  private final Settings settings;

  public Recommender(PaperIndex index, RelatedPapers related) {
    this(index, related, Settings.DEFAULT);
  }

  public Recommender(PaperIndex index, RelatedPapers related, Settings settings) {
    this.index = index;
    this.byRelated = new RelatedRecommendations(related);
    this.settings = settings;
  }

  /**
   * @throws UnknownPaperException naming every liked or disliked id not in the index
   */
  public Recommendations recommend(RecommendRequest request) {
    List<String> notes = new ArrayList<>();
    Set<PaperId> liked = distinct(request.liked(), "liked", notes);
    Set<PaperId> disliked = distinct(request.disliked(), "disliked", notes);
    for (PaperId both : List.copyOf(liked)) {
      if (disliked.remove(both)) {
        liked.remove(both);
        notes.add(both + " is both liked and disliked: ignored");
      }
    }
    Map<PaperId, IndexedPaper> papers = lookUp(liked, disliked);
    Optional<LocalDate> newest = request.until() != null ? Optional.of(request.until()) : index.newestDate();
    LocalDate to = request.sinceDays() == null && request.until() == null ? null : newest.orElse(null);
    LocalDate from = to == null || request.sinceDays() == null ? null : to.minusDays(request.sinceDays() - 1L);
    if (newest.isEmpty() && request.sinceDays() != null) {
      notes.add("no paper in the index has a date: every paper is a candidate");
    }
    Filters window = new Filters(from, to, request.filters().categories(), request.filters().author());
    if (liked.isEmpty()) {
      return Recommendations.empty(request.liked().isEmpty()
          ? "no liked papers: like at least one paper to get recommendations"
          : "every liked paper is also disliked: nothing left to learn from", from, to, 0, notes);
    }
    if (liked.size() == 1) {
      return byRelated.one(liked.iterator().next(), papers, disliked, window, request.k(), from, to, notes);
    }
    Optional<FeatureSource> source = index.featureSource();
    if (source.isEmpty()) {
      return byRelated.ofEach(liked, papers, disliked, window, request.k(), from, to, notes);
    }
    List<PaperId> profile = new ArrayList<>(liked);
    profile.addAll(disliked);
    PaperFeatures features = source.get().features(profile, window);
    int candidates = features.size() - features.profileSize();
    List<Integer> positives = new ArrayList<>();
    List<Integer> negatives = new ArrayList<>();
    for (int row = 0; row < features.profileSize(); row++) {
      boolean usable = features.vector(row) != null || features.terms(row).size() > 0;
      if (!usable) {
        notes.add(profile.get(row) + " has no text and no embedding: ignored");
      } else if (row < liked.size()) {
        positives.add(row);
      } else {
        negatives.add(row);
      }
    }
    if (positives.isEmpty()) {
      return Recommendations.empty("none of the liked papers has a title, abstract or embedding to learn from",
          from, to, candidates, notes);
    }
    if (positives.size() == 1) {
      return byRelated.one(profile.get(positives.getFirst()), papers, disliked, window, request.k(), from, to, notes);
    }
    if (candidates == 0) {
      return Recommendations.empty("no papers " + RelatedRecommendations.describe(window) + " besides the liked and disliked ones",
          from, to, 0, notes);
    }
    boolean dense = positives.stream().anyMatch(r -> features.vector(r) != null);
    List<Integer> eligible = new ArrayList<>();
    for (int row = features.profileSize(); row < features.size(); row++) {
      if (!dense || features.vector(row) != null) {
        eligible.add(row);
      }
    }
    if (dense && eligible.isEmpty()) {
      dense = false;
      for (int row = features.profileSize(); row < features.size(); row++) {
        eligible.add(row);
      }
      notes.add("no candidate has an embedding yet: ranked by words only (run 'paperlens embed', then 'paperlens reindex')");
    } else if (eligible.size() < candidates) {
      notes.add(String.format("%,d of the %,d candidates have no embedding yet and were left out"
          + " (run 'paperlens embed', then 'paperlens reindex')", candidates - eligible.size(), candidates));
    }
    FeatureSpace x = new FeatureSpace(features, dense);
    int[] pos = positives.stream().mapToInt(Integer::intValue).toArray();
    int[] neg = negatives.stream().mapToInt(Integer::intValue).toArray();
    LinearModel model = switch (request.method()) {
      case LEARNED -> learn(x, pos, neg, eligible);
      case CENTROID -> LinearModel.centroid(x, pos, neg, neg.length == 0 ? 0 : CENTROID_BETA);
    };
    Set<PaperId> candidateIds = new java.util.HashSet<>();
    eligible.forEach(row -> candidateIds.add(features.id(row)));
    LikedGraph graph = LikedGraph.of(byRelated.citations(), positives.stream().map(profile::get).toList(),
        candidateIds::contains, id -> RelatedRecommendations.titleOf(papers, id));
    List<Recommendation> items = rank(x, model, eligible, pos, request.k(), papers, graph);
    return new Recommendations(items, request.method().name().toLowerCase(java.util.Locale.ROOT), from, to,
        candidates, items.isEmpty() ? "no candidates" : null, notes);
  }

  private LinearModel learn(FeatureSpace x, int[] pos, int[] neg, List<Integer> eligible) {
    List<Integer> pool = new ArrayList<>(eligible);
    // A fixed seed: the same request gets the same recommendations.
    java.util.Collections.shuffle(pool, new Random(42));
    List<Integer> background = pool.subList(0, Math.min(settings.background(), pool.size()));
    int n = pos.length + neg.length + background.size();
    int[] rows = new int[n];
    boolean[] positive = new boolean[n];
    double[] weight = new double[n];
    double negativeMass = neg.length * DISLIKE_WEIGHT + background.size();
    int i = 0;
    for (int row : pos) {
      rows[i] = row;
      positive[i] = true;
      weight[i++] = (negativeMass == 0 ? 1.0 : 0.5) / pos.length;
    }
    for (int row : neg) {
      rows[i] = row;
      weight[i++] = 0.5 * DISLIKE_WEIGHT / negativeMass;
    }
    for (int row : background) {
      rows[i] = row;
      weight[i++] = 0.5 / negativeMass;
    }
    return LogisticRegression.train(x, rows, positive, weight, settings.lambda());
  }

  /**
   * The model's ranking of the eligible rows; where the citation graph links candidates to the
   * liked papers, that ranking fused with the graph's ({@link LikedGraph}), read as deep as the
   * fusion needs. Papers gone from the index are skipped.
   */
  private List<Recommendation> rank(FeatureSpace x, LinearModel model, List<Integer> eligible, int[] liked, int k,
      Map<PaperId, IndexedPaper> papers, LikedGraph graph) {
    int n = eligible.size();
    double[] scores = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      scores[i] = model.score(x, eligible.get(i));
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
    Map<PaperId, Integer> rowOf = new java.util.HashMap<>();
    List<IndexHit> ranked = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int row = eligible.get(order[i]);
      rowOf.put(x.features().id(row), row);
      ranked.add(new IndexHit(x.features().id(row), (float) scores[order[i]]));
    }
    if (!graph.isEmpty()) {
      List<IndexHit> fused = new ArrayList<>(graph.fuse(ranked.subList(0, Math.min(graph.depth(), n)), graph.depth()));
      Set<PaperId> taken = new java.util.HashSet<>();
      fused.forEach(h -> taken.add(h.id()));
      ranked.stream().filter(h -> !taken.contains(h.id())).forEach(fused::add); // past the fused depth, the model's order
      ranked = fused;
    }
    List<Recommendation> out = new ArrayList<>(Math.min(k, n));
    for (IndexHit h : ranked) {
      if (out.size() == k) {
        break;
      }
      IndexedPaper paper = index.get(h.id()).orElse(null);
      if (paper != null) {
        int row = rowOf.get(h.id());
        Explanation why = explain(x, model, row, liked, papers);
        why = new Explanation(why.terms(), why.likedPapers(), graph.evidence(h.id(), EXPLAIN_LIKED));
        out.add(new Recommendation(out.size() + 1, paper, graph.isEmpty() ? model.score(x, row) : h.score(), why));
      }
    }
    return out;
  }

  /** The words with the largest share of the score, and the liked papers nearest in the model's feature space. */
  private static Explanation explain(FeatureSpace x, LinearModel model, int row, int[] liked,
      Map<PaperId, IndexedPaper> papers) {
    PaperFeatures f = x.features();
    PaperFeatures.Terms terms = f.terms(row);
    List<int[]> byWeight = new ArrayList<>();
    double[] contribution = new double[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      contribution[i] = model.termWeights()[terms.indices()[i]] * x.termWeight(row, i);
      if (contribution[i] > 0) {
        byWeight.add(new int[] {i});
      }
    }
    byWeight.sort(Comparator.comparingDouble((int[] a) -> -contribution[a[0]]));
    List<String> words = byWeight.stream().limit(EXPLAIN_TERMS)
        .map(a -> f.vocabulary().get(terms.indices()[a[0]])).toList();
    Integer[] order = new Integer[liked.length];
    double[] closeness = new double[liked.length];
    for (int i = 0; i < liked.length; i++) {
      order[i] = i;
      closeness[i] = x.dot(liked[i], row);
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -closeness[i]));
    List<Explanation.LikedPaper> near = new ArrayList<>();
    for (int i = 0; i < order.length && near.size() < EXPLAIN_LIKED; i++) {
      // Only the liked papers that really speak for it: a faint likeness explains nothing.
      if (closeness[order[i]] > 0 && closeness[order[i]] >= NEAR_SHARE * closeness[order[0]]) {
        PaperId id = f.id(liked[order[i]]);
        near.add(new Explanation.LikedPaper(id, RelatedRecommendations.titleOf(papers, id), x.cosine(liked[order[i]], row)));
      }
    }
    return new Explanation(words, near);
  }

  private Map<PaperId, IndexedPaper> lookUp(Set<PaperId> liked, Set<PaperId> disliked) {
    List<PaperId> wanted = new ArrayList<>(liked);
    wanted.addAll(disliked);
    Map<PaperId, IndexedPaper> found = index.getAll(wanted);
    List<PaperId> unknown = wanted.stream().filter(id -> !found.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      throw new UnknownPaperException(unknown);
    }
    return found;
  }

  private static Set<PaperId> distinct(List<PaperId> ids, String what, List<String> notes) {
    Set<PaperId> out = new LinkedHashSet<>(ids);
    if (out.size() < ids.size()) {
      notes.add(String.format("%d duplicate %s id%s ignored", ids.size() - out.size(), what,
          ids.size() - out.size() == 1 ? "" : "s"));
    }
    return out;
  }
}
