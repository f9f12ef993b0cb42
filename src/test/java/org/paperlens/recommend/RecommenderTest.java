package org.paperlens.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.related.RelatedPapers;
import org.paperlens.related.UnknownPaperException;
import org.paperlens.search.Fusion;
import org.paperlens.search.SearchFixture;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/**
 * Recommendations on the small search corpus plus one title-only paper, with hand-made topic
 * vectors (axes: molecules, language, vision, physics). Paper 2401.00103 has no vector.
 */
class RecommenderTest {

  @TempDir static Path tmp;
  static CatalogueStore store;
  static LuceneIndex index;
  static Recommender recommender;
  static RelatedPapers related;

  static final Map<String, float[]> VECTORS = vectors();

  /** The search fixture's topic vectors, without 2401.00103's, with one for the title-only paper. */
  static Map<String, float[]> vectors() {
    Map<String, float[]> v = new java.util.HashMap<>(SearchFixture.VECTORS);
    v.remove("2401.00103");
    v.put("2401.00111", SearchFixture.unit(0.9f, 0.3f, 0, 0));
    return v;
  }

  @BeforeAll
  static void build() throws Exception {
    store = TestDatabase.catalogue(tmp.resolve("data"));
    new Importer(store, new Importer.Options(Optional.empty(), "x", 100), Progress.NONE)
        .run(List.of(Fixtures.path("search-corpus.jsonl"), Fixtures.path("recommend-extra.jsonl")), new ImportReport());
    IndexBuilder.VectorLookup lookup = id -> VECTORS.get(id.value());
    IndexBuilder.rebuild(store, lookup, tmp.resolve("index"), IndexSettings.DEFAULT, Progress.NONE);
    index = LuceneIndex.open(tmp.resolve("index"), IndexSettings.DEFAULT);
    related = new RelatedPapers(index, lookup, new Fusion.WeightedScores(0.4f));
    recommender = new Recommender(index, related);
  }

  @AfterAll
  static void close() {
    index.close();
    store.close();
  }

  static List<PaperId> ids(String... s) {
    return java.util.Arrays.stream(s).map(PaperId::new).toList();
  }

  static List<String> ranked(Recommendations r) {
    return r.items().stream().map(i -> i.paper().id().value()).toList();
  }

  static Recommendations all(Method method, List<PaperId> liked, List<PaperId> disliked, int k) {
    return recommender.recommend(new RecommendRequest(liked, disliked, null, null, null, k, method));
  }

  @Test
  void liking_two_molecule_papers_recommends_the_other_molecule_papers_first_with_both_methods() {
    for (Method m : Method.values()) {
      Recommendations r = all(m, ids("2401.00101", "2401.00105"), List.of(), 3);
      assertThat(r.method()).isEqualTo(m.name().toLowerCase());
      assertThat(ranked(r).subList(0, 2)).as(m.name()).containsExactlyInAnyOrder("2401.00109", "2401.00111");
      assertThat(ranked(r)).doesNotContain("2401.00101", "2401.00105");
      assertThat(r.emptyReason()).isNull();
    }
  }

  @Test
  void each_recommendation_names_its_weightiest_words_and_closest_liked_papers() {
    Recommendations r = all(Method.LEARNED, ids("2401.00101", "2401.00105"), List.of(), 3);
    Recommendation conformations = r.items().stream()
        .filter(i -> i.paper().id().value().equals("2401.00109")).findFirst().orElseThrow();
    Explanation why = conformations.explanation();
    assertThat(why.terms()).contains("prediction");
    assertThat(why.likedPapers()).isNotEmpty();
    assertThat(why.likedPapers().getFirst().id().value()).isEqualTo("2401.00101");
    assertThat(why.likedPapers().getFirst().similarity()).isCloseTo(0.93, org.assertj.core.data.Offset.offset(0.01));
    assertThat(why.reason()).startsWith("like \u201cGraph Neural Networks for Molecular Property Prediction\u201d (0.93)")
        .contains("words \u201cprediction\u201d");
  }

  @Test
  void disliked_papers_are_never_recommended_and_push_their_topic_down() {
    List<PaperId> liked = ids("2401.00102", "2401.00106", "2401.00110");
    for (Method m : Method.values()) {
      Recommendations with = all(m, liked, ids("2401.00101"), 9);
      assertThat(ranked(with)).as(m.name()).doesNotContain("2401.00101").contains("2401.00105");
      assertThat(ranked(with).getFirst()).as(m.name()).isEqualTo("2401.00107");
    }
    // Rocchio subtracts the disliked paper, so its nearest neighbour falls behind more other papers.
    List<String> without = ranked(all(Method.CENTROID, liked, List.of(), 9));
    List<String> with = ranked(all(Method.CENTROID, liked, ids("2401.00101"), 9));
    assertThat(papersAbove("2401.00105", with)).isGreaterThan(papersAbove("2401.00105", without));
  }

  /** How many papers outside the molecule topic rank above {@code id}. */
  static long papersAbove(String id, List<String> ranking) {
    Set<String> molecules = Set.of("2401.00101", "2401.00105", "2401.00109", "2401.00111");
    return ranking.subList(0, ranking.indexOf(id)).stream().filter(p -> !molecules.contains(p)).count();
  }

  @Test
  void a_single_liked_paper_falls_back_to_its_related_papers() {
    Recommendations r = all(Method.LEARNED, ids("2401.00101"), ids("2401.00105"), 3);
    assertThat(r.method()).isEqualTo("related");
    List<String> relatedIds = related.find(new PaperId("2401.00101"), Filters.NONE, 4).stream()
        .map(p -> p.paper().id().value()).filter(id -> !id.equals("2401.00105")).limit(3).toList();
    assertThat(ranked(r)).isEqualTo(relatedIds).doesNotContain("2401.00105");
    assertThat(r.items().getFirst().explanation().likedPapers()).extracting(p -> p.id().value()).containsExactly("2401.00101");
    assertThat(r.notes()).contains("one liked paper: showing its related papers");
  }

  @Test
  void no_liked_papers_is_an_empty_result_with_a_reason() {
    Recommendations r = all(Method.LEARNED, List.of(), ids("2401.00101"), 5);
    assertThat(r.items()).isEmpty();
    assertThat(r.emptyReason()).contains("no liked papers");
  }

  @Test
  void unknown_ids_are_one_error_naming_all_of_them() {
    assertThatThrownBy(() -> all(Method.LEARNED, ids("2401.00101", "2999.00001"), ids("2999.00002"), 5))
        .isInstanceOf(UnknownPaperException.class)
        .hasMessageContaining("'2999.00001'").hasMessageContaining("'2999.00002'").hasMessageNotContaining("2401.00101");
  }

  @Test
  void a_paper_both_liked_and_disliked_is_ignored_and_duplicates_count_once() {
    Recommendations r = all(Method.LEARNED, ids("2401.00101", "2401.00105", "2401.00101", "2401.00109"),
        ids("2401.00109"), 3);
    assertThat(r.notes()).contains("2401.00109 is both liked and disliked: ignored", "1 duplicate liked id ignored");
    assertThat(r.method()).isEqualTo("learned");
    assertThat(ranked(r)).doesNotContain("2401.00101", "2401.00105").contains("2401.00109");
    Recommendations onlyConflict = all(Method.LEARNED, ids("2401.00109"), ids("2401.00109"), 3);
    assertThat(onlyConflict.items()).isEmpty();
    assertThat(onlyConflict.emptyReason()).contains("also disliked");
  }

  @Test
  void the_window_ends_at_the_newest_paper_unless_an_end_date_is_given() {
    Recommendations last30 = recommender.recommend(RecommendRequest.of(ids("2401.00101", "2401.00105"), List.of(), 30, 10));
    assertThat(last30.to()).isEqualTo(LocalDate.of(2024, 3, 15));
    assertThat(last30.from()).isEqualTo(LocalDate.of(2024, 2, 15));
    assertThat(ranked(last30)).containsExactlyInAnyOrder("2401.00107", "2401.00108", "2401.00109", "2401.00110", "2401.00111");
    Recommendations january = recommender.recommend(new RecommendRequest(ids("2401.00101", "2401.00105"), List.of(), 31,
        LocalDate.of(2024, 1, 31), null, 10, Method.LEARNED));
    // 2401.00103 is in January but has no vector: left out, and said so.
    assertThat(ranked(january)).containsExactlyInAnyOrder("2401.00102", "2401.00104");
    assertThat(january.candidates()).isEqualTo(3);
    assertThat(january.notes()).anyMatch(n -> n.startsWith("1 of the 3 candidates have no embedding yet"));
  }

  @Test
  void an_empty_window_says_which_window_was_empty() {
    Recommendations r = recommender.recommend(new RecommendRequest(ids("2401.00101", "2401.00105"), List.of(), 30,
        LocalDate.of(2010, 6, 30), null, 10, Method.LEARNED));
    assertThat(r.items()).isEmpty();
    assertThat(r.emptyReason()).isEqualTo("no papers listed from 2010-06-01 to 2010-06-30 besides the liked and disliked ones");
  }

  @Test
  void a_liked_paper_without_an_abstract_still_counts_through_its_title() {
    Recommendations r = all(Method.LEARNED, ids("2401.00111", "2401.00109"), List.of(), 2);
    assertThat(ranked(r)).contains("2401.00101");
    Recommendations centroid = all(Method.CENTROID, ids("2401.00111", "2401.00105"), List.of(), 1);
    assertThat(centroid.items().getFirst().explanation().likedPapers()).extracting(p -> p.id().value())
        .contains("2401.00111");
  }

  @Test
  void category_filters_restrict_the_candidates() {
    Recommendations r = recommender.recommend(new RecommendRequest(ids("2401.00101", "2401.00105"), List.of(), null, null,
        new Filters(null, null, Set.of("cs.CL"), null), 10, Method.LEARNED));
    assertThat(ranked(r)).containsExactlyInAnyOrder("2401.00102", "2401.00106");
  }

  @Test
  void the_same_request_gets_the_same_answer() {
    List<PaperId> liked = ids("2401.00102", "2401.00106");
    assertThat(ranked(all(Method.LEARNED, liked, List.of(), 10))).isEqualTo(ranked(all(Method.LEARNED, liked, List.of(), 10)));
  }

  @Test
  void a_request_rejects_nonsense_with_the_bad_value() {
    assertThatThrownBy(() -> RecommendRequest.of(ids("2401.00101"), List.of(), 30, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
    assertThatThrownBy(() -> RecommendRequest.of(ids("2401.00101"), List.of(), -3, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -3");
    assertThatThrownBy(() -> new RecommendRequest(ids("2401.00101"), List.of(), 30, null,
        new Filters(LocalDate.of(2024, 1, 1), null, Set.of(), null), 10, Method.LEARNED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sinceDays and until");
    assertThatThrownBy(() -> Method.parse("magic")).hasMessageContaining("'magic'");
  }
}
