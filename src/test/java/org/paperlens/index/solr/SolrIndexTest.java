package org.paperlens.index.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.paperlens.common.Progress;
import org.paperlens.html.Html;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexChange;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.MarkedText;
import org.paperlens.index.Match;
import org.paperlens.index.QueryText;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.live.CatalogueSource;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.search.SearchFixture;

/**
 * The SolrCloud backend against a real 2-node SolrCloud (2 shards × 2 replicas) and, beside it,
 * the embedded Lucene index built from the same catalogue: every list Solr returns is compared
 * with the embedded one, so "ranks alike" is checked, not assumed. The fixture's 4-dimensional
 * topic vectors are padded with zeros to the schema's 384 dimensions (same dot products).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class SolrIndexTest {

  static final int DIMENSIONS = 384;

  private SolrClusterProcess cluster;
  private Path dir;
  private CatalogueStore store;
  private LuceneIndex lucene;
  private SolrIndex solr;

  @BeforeAll
  void start() throws Exception {
    cluster = SolrClusterProcess.start();
    dir = Files.createTempDirectory("solr-index-test");
    store = SearchFixture.catalogue(dir.resolve("data"));
    IndexBuilder.rebuild(CatalogueSource.of(store, SolrIndexTest::vector), dir.resolve("index"), IndexSettings.DEFAULT, Progress.NONE);
    lucene = LuceneIndex.open(dir.resolve("index"), IndexSettings.DEFAULT);
    solr = SolrIndex.connect(cluster.target(), IndexSettings.DEFAULT);
    solr.rebuild(CatalogueSource.of(store, SolrIndexTest::vector), Progress.NONE);
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {solr, lucene, store, cluster}) {
      if (c != null) {
        c.close();
      }
    }
  }

  static float[] vector(PaperId id) {
    float[] v = SearchFixture.VECTORS.get(id.value());
    return v == null ? null : pad(v);
  }

  static float[] pad(float[] v) {
    return java.util.Arrays.copyOf(v, DIMENSIONS);
  }

  @Test
  void only_the_embedded_engine_offers_features_and_says_so_through_the_index_interface() {
    assertThat(solr.featureSource()).isEmpty();
    assertThat(lucene.featureSource()).containsSame(lucene);
  }

  @Test
  void a_rebuild_writes_every_paper_and_the_catalogue_watermark() {
    assertThat(solr.size()).isEqualTo(11);
    assertThat(solr.coverage().withVector()).isEqualTo(11);
    assertThat(solr.coverage().seq()).isEqualTo(store.sequence());
  }

  @Test
  void keyword_lists_are_the_embedded_index_lists_with_the_same_scores() {
    Filters january = new Filters(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-31"), Set.of(), null);
    Filters lg = new Filters(null, null, Set.of("cs.LG"), null);
    Filters smith = new Filters(null, null, Set.of(), "John Smith");
    Map<String, Filters> queries = Map.ofEntries(
        Map.entry("graph neural networks molecular", Filters.NONE),
        Map.entry("sparse attention long documents", Filters.NONE),
        Map.entry("au:garcia", Filters.NONE),
        Map.entry("ti:diffusion", Filters.NONE),
        Map.entry("cat:cs.IR", Filters.NONE),
        Map.entry("\"sparse attention\"", Filters.NONE),
        Map.entry("molecular NOT equivariant", Filters.NONE),
        Map.entry("molecules AND contrastive", Filters.NONE),
        Map.entry("(robot OR quantum) AND cat:quant-ph", Filters.NONE),
        Map.entry("hep-th/9901001 heterotic", Filters.NONE),
        Map.entry("learning OR models OR networks", january),
        Map.entry("molecules OR molecular OR robot", lg),
        Map.entry("learning OR attention OR robot", smith),
        Map.entry(QueryText.literal("Attention (+)- on tabular data: NOT [all] you need? \"trees\" AND boosting!"),
            Filters.NONE));
    queries.forEach((q, f) -> {
      List<IndexHit> expected = lucene.keyword(q, f, 10);
      List<IndexHit> actual = solr.keyword(q, f, 10);
      assertThat(ids(actual)).as(q).isEqualTo(ids(expected));
    });
    // Scores too, where every shard holds a paper with a query word (see SolrQueries on statistics).
    for (String q : List.of("graph neural networks molecular", "sparse", "learning OR models OR networks")) {
      List<IndexHit> expected = lucene.keyword(q, Filters.NONE, 10);
      List<IndexHit> actual = solr.keyword(q, Filters.NONE, 10);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i).score()).as(q + " #" + i).isCloseTo(expected.get(i).score(), within(1e-4f));
      }
    }
  }

  @Test
  void both_engines_require_every_word_by_default_and_agree_on_any_and_on_explicit_operators() {
    // On this fixture "diffusion models" is in one paper whole, and in three as either word.
    assertThat(solr.count("diffusion models", Filters.NONE)).isEqualTo(1).isEqualTo(lucene.count("diffusion models", Filters.NONE));
    assertThat(solr.count("diffusion models", Match.ANY, Filters.NONE)).isEqualTo(3)
        .isEqualTo(lucene.count("diffusion models", Match.ANY, Filters.NONE));
    List<String> queries = List.of("diffusion models", "language models", "graph neural networks molecular",
        "the sparse attention", "Attention is all you need", "diffusion OR models", "models (diffusion OR language)",
        "molecular networks OR robot", "models -diffusion", "+models language", "\"sparse attention\" documents",
        "ti:diffusion models", "state-of-the-art retrieval", "hep-th/9901001 heterotic");
    for (String q : queries) {
      for (Match m : Match.values()) {
        assertThat(solr.count(q, m, Filters.NONE)).as(q + " " + m).isEqualTo(lucene.count(q, m, Filters.NONE));
        assertThat(ids(solr.keyword(q, m, Filters.NONE, 10))).as(q + " " + m).isEqualTo(ids(lucene.keyword(q, m, Filters.NONE, 10)));
      }
    }
  }

  @Test
  void both_engines_count_exactly_up_to_a_bound_and_say_at_least_the_bound_past_it() {
    // Three papers have "diffusion" or "models": a bound of 10 counts them all, a bound of 1 stops.
    for (org.paperlens.index.PaperIndex engine : new org.paperlens.index.PaperIndex[] {solr, lucene}) {
      assertThat(engine.count("diffusion models", Match.ANY, Filters.NONE, 10)).isEqualTo(org.paperlens.index.HitCount.exactly(3));
      assertThat(engine.count("diffusion models", Match.ANY, Filters.NONE, 1)).isEqualTo(org.paperlens.index.HitCount.atLeast(1));
    }
  }

  /**
   * A keyword or hybrid search needs its hits and their total: on Solr both come from one call
   * (there were two, a ranked list and then a count). Same hits as {@code keyword}, and a total
   * that is exact within the bound.
   */
  @Test
  void a_counted_keyword_search_is_one_call_with_the_hits_and_their_total() throws Exception {
    SolrTarget target = cluster.target();
    try (CountingSolrClient reads = new CountingSolrClient(new org.apache.solr.client.solrj.impl.CloudSolrClient.Builder(target.nodes())
            .withDefaultCollection(target.collection()).build());
        SolrIndex counted = SolrIndex.connect(new SolrConnection(reads, reads, target, SolrTimeouts.DEFAULT), IndexSettings.DEFAULT)) {
      for (String q : List.of("diffusion models", "graph neural networks molecular", "the sparse attention", "models -diffusion")) {
        for (Match m : Match.values()) {
          int matches = solr.count(q, m, Filters.NONE);
          reads.queries.set(0);
          org.paperlens.index.CountedHits both = counted.keywordCounted(q, m, Filters.NONE, 5, 100);
          assertThat(reads.queries.get()).as("calls for '%s' %s", q, m).isEqualTo(1);
          assertThat(both.hits()).as(q + " " + m).isEqualTo(solr.keyword(q, m, Filters.NONE, 5));
          assertThat(both.total()).as(q + " " + m).isEqualTo(org.paperlens.index.HitCount.exactly(matches));
        }
      }
      // Counting stops at the bound or at the hits asked for, whichever is more: one hit, a bound of 1.
      org.paperlens.index.CountedHits bounded = counted.keywordCounted("diffusion models", Match.ANY, Filters.NONE, 1, 1);
      assertThat(bounded.hits()).hasSize(1);
      assertThat(bounded.total()).isEqualTo(org.paperlens.index.HitCount.atLeast(1));
    }
  }

  @Test
  void a_malformed_query_is_the_same_clear_error_as_on_the_embedded_index() {
    for (String q : List.of("\"unbalanced quote", "(missing parenthesis", "AND", "*leading")) {
      assertThatThrownBy(() -> solr.keyword(q, Filters.NONE, 10)).isInstanceOf(BadQueryException.class)
          .hasMessageContaining(q);
    }
    assertThatThrownBy(() -> solr.keyword("x", new Filters(null, null, Set.of(), "--"), 10))
        .isInstanceOf(BadQueryException.class).hasMessageContaining("no searchable words");
  }

  @Test
  void vector_search_prefilters_and_matches_the_embedded_index() {
    assertThat(solr.vectors().bytes()).as("the config set declares byte vectors, and the schema API says so").isTrue();
    float[] molecules = pad(SearchFixture.TOPICS.embedQuery("molecules"));
    Filters physics = new Filters(null, null, Set.of("quant-ph", "hep-th"), null);
    assertThat(ids(solr.nearest(molecules, physics, 2))).containsExactlyInAnyOrder("2401.00108", "hep-th/9901001");
    Filters march = new Filters(LocalDate.parse("2024-03-01"), null, Set.of(), null);
    assertThat(ids(solr.nearest(molecules, march, 3))).containsExactly("2401.00109", "2401.00110", "2401.00108");
    List<IndexHit> expected = lucene.nearest(molecules, Filters.NONE, 5);
    List<IndexHit> actual = solr.nearest(molecules, Filters.NONE, 5);
    assertThat(ids(actual)).isEqualTo(ids(expected));
    assertThat(actual.getFirst().score()).isCloseTo(expected.getFirst().score(), within(1e-2f));
  }

  @Test
  void snippets_mark_matches_escape_html_and_fall_back_to_the_abstract_start() {
    PaperId tabular = new PaperId("2401.00110");
    PaperId other = new PaperId("2401.00101");
    Map<PaperId, MarkedText> s = solr.snippets("tabular benchmarks", solr.getAll(List.of(tabular, other)).values());
    assertThat(s.keySet()).containsExactly(tabular, other);
    assertThat(s.get(tabular).render(Html::escape, "<mark>", "</mark>")).contains("<mark>tabular</mark>").contains("&lt;b&gt;").contains("&amp;").doesNotContain("<b>");
    assertThat(s.get(tabular).marked()).contains("tabular");
    assertThat(s.get(tabular).text()).contains("<b>").doesNotContain("&lt;").doesNotContain("\uE000");
    Map<PaperId, MarkedText> embedded = lucene.snippets("tabular benchmarks", lucene.getAll(List.of(tabular, other)).values());
    assertThat(s.get(other).marks()).isEmpty();
    assertThat(s.get(other)).isEqualTo(embedded.get(other));
    // Both engines mark the same words of the same abstract.
    assertThat(s.get(tabular)).isEqualTo(embedded.get(tabular));
  }

  @Test
  void more_like_this_finds_papers_sharing_distinctive_words_and_says_which() {
    PaperId source = new PaperId("2401.00101");
    var neighbours = solr.moreLikeThis(source, Filters.NONE, 5);
    var embedded = lucene.moreLikeThis(source, Filters.NONE, 5);
    assertThat(ids(neighbours.hits())).isEqualTo(ids(embedded.hits())).doesNotContain(source.value());
    assertThat(neighbours.terms()).containsExactlyInAnyOrderElementsOf(embedded.terms());
    PaperId first = neighbours.hits().getFirst().id();
    assertThat(solr.sharedTerms(source, List.of(first)).get(first)).isNotEmpty();
    Filters physics = new Filters(null, null, Set.of("quant-ph", "hep-th"), null);
    assertThat(ids(solr.moreLikeThis(source, physics, 5).hits())).isSubsetOf("2401.00108", "hep-th/9901001");
  }

  @Test
  void look_ups_answer_as_the_embedded_index_does() {
    List<PaperId> some = List.of(new PaperId("2401.00105"), new PaperId("nope"), new PaperId("hep-th/9901001"));
    assertThat(solr.getAll(some)).isEqualTo(lucene.getAll(some));
    assertThat(solr.get(new PaperId("2401.00102"))).isEqualTo(lucene.get(new PaperId("2401.00102")));
    assertThat(solr.byAuthor("Maria Garcia", 10)).isEqualTo(lucene.byAuthor("Maria Garcia", 10));
    String title = lucene.get(new PaperId("hep-th/9901001")).orElseThrow().title();
    assertThat(solr.byExactTitle(title + "!", Filters.NONE)).contains(new PaperId("hep-th/9901001"));
    assertThat(solr.count(null, Filters.NONE)).isEqualTo(11);
    assertThat(solr.count("molecules OR molecular", Filters.NONE)).isEqualTo(lucene.count("molecules OR molecular", Filters.NONE));
    assertThat(solr.contains(new PaperId("2401.00108"), new Filters(null, null, Set.of("cs.CV"), null))).isFalse();
    assertThat(solr.newestDate()).isEqualTo(lucene.newestDate());
    assertThat(solr.withoutVector(some)).isEmpty();
  }

  @Test
  void live_changes_are_searchable_after_a_refresh_and_the_watermark_survives_a_reconnect() throws Exception {
    Paper base = store.find(new PaperId("2401.00103")).orElseThrow();
    Paper fresh = Paper.builder(new PaperId("2402.09999")).title("Zebrafish swarms in the wild")
        .abstractText(base.abstractText()).authors(base.authors()).categories(base.categories())
        .submitted(base.submitted()).build();
    long seq = solr.appliedSeq() + 5;
    solr.apply(List.of(new IndexChange.Put(fresh, null), new IndexChange.Remove(new PaperId("2401.00104"))), seq);
    assertThat(solr.keyword("zebrafish", Filters.NONE, 5)).isEmpty(); // not refreshed yet
    solr.refresh();
    assertThat(ids(solr.keyword("zebrafish", Filters.NONE, 5))).containsExactly("2402.09999");
    assertThat(solr.get(new PaperId("2401.00104"))).isEmpty();
    assertThat(solr.withoutVector(List.of(fresh.id()))).containsExactly(fresh.id());
    assertThat(solr.coverage().seq()).isEqualTo(seq);
    solr.commit();
    try (SolrIndex again = SolrIndex.connect(cluster.target(), IndexSettings.DEFAULT)) {
      assertThat(again.durableSeq()).isEqualTo(seq);
    }
    // A rebuild puts the catalogue back: the paper removed live returns, the one only the index had goes.
    solr.rebuild(CatalogueSource.of(store, SolrIndexTest::vector), Progress.NONE);
    assertThat(solr.get(new PaperId("2401.00104"))).isPresent();
    assertThat(solr.get(fresh.id())).isEmpty();
  }

  @Test
  void several_liked_papers_are_recommended_from_their_merged_related_lists_without_a_feature_reader() {
    var related = new org.paperlens.related.RelatedPapers(solr, SolrIndexTest::vector,
        new org.paperlens.search.Fusion.ReciprocalRank(60));
    var request = org.paperlens.recommend.RecommendRequest.of(
        List.of(new PaperId("2401.00101"), new PaperId("2401.00105")), List.of(), null, 5);
    var r = new org.paperlens.recommend.Recommender(solr, related).recommend(request);
    assertThat(r.method()).isEqualTo("related");
    assertThat(r.notes()).anyMatch(n -> n.contains("no feature reader"));
    List<String> got = r.items().stream().map(i -> i.paper().id().value()).toList();
    // A paper related to both liked ones outranks those related to one; the liked ones never come.
    assertThat(got).isNotEmpty().doesNotContain("2401.00101", "2401.00105");
    assertThat(r.items().getFirst().explanation().likedPapers()).hasSize(2);
  }

  static List<String> ids(List<IndexHit> hits) {
    return hits.stream().map(h -> h.id().value()).toList();
  }
}
