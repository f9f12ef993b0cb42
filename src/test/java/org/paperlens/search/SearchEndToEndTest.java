package org.paperlens.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paperlens.search.SearchFixture.ids;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paperlens.html.Html;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.Filters;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.paper.CatalogueStore;

/** Imports the small search corpus, indexes it, and checks exact results in every mode. */
class SearchEndToEndTest {

  @TempDir static Path tmp;
  static CatalogueStore store;
  static LuceneIndex index;
  static Searcher searcher;

  @BeforeAll
  static void build() throws Exception {
    store = SearchFixture.catalogue(tmp.resolve("data"));
    SearchFixture.index(store, tmp.resolve("index"));
    index = SearchFixture.open(tmp.resolve("index"));
    searcher = new Searcher(index, SearchFixture.TOPICS);
  }

  @AfterAll
  static void close() {
    index.close();
    store.close();
  }

  private static SearchResult search(String q, SearchMode mode, Filters f) {
    return searcher.search(new SearchRequest(q, mode, f, 0, 10));
  }

  @Test
  void every_paper_is_indexed() {
    assertThat(index.size()).isEqualTo(11);
  }

  @Test
  void the_dates_a_date_sort_reads_are_the_indexed_papers_dates_and_an_unknown_id_has_none() {
    java.util.List<org.paperlens.paper.PaperId> ids = new java.util.ArrayList<>(SearchFixture.VECTORS.keySet().stream()
        .map(org.paperlens.paper.PaperId::new).toList());
    ids.add(new org.paperlens.paper.PaperId("2401.99999"));
    java.util.Map<org.paperlens.paper.PaperId, java.time.LocalDate> expected = new java.util.HashMap<>();
    index.getAll(ids).forEach((id, p) -> expected.put(id, p.date()));
    assertThat(expected).hasSize(ids.size() - 1).containsEntry(new org.paperlens.paper.PaperId("2401.00110"),
        java.time.LocalDate.of(2024, 3, 15));
    assertThat(index.dates(ids)).isEqualTo(expected);
  }

  @Test
  void a_search_sorted_by_date_is_newest_first_with_relevance_breaking_ties() {
    SearchResult relevance = searcher.search(new SearchRequest("molecular OR attention OR graph", SearchMode.KEYWORD, Filters.NONE, 0, 20));
    SearchResult newest = searcher.search(new SearchRequest("molecular OR attention OR graph", SearchMode.KEYWORD, Filters.NONE, 0, 20,
        SortOrder.DATE));
    java.util.List<SearchHit> expected = new java.util.ArrayList<>(relevance.hits());
    expected.sort(java.util.Comparator.comparing((SearchHit h) -> h.paper().date()).reversed());
    assertThat(ids(newest.hits())).isEqualTo(ids(expected)).isNotEqualTo(ids(relevance.hits()));
    assertThat(newest.sortedAmong()).isEqualTo(relevance.hits().size());
    assertThat(relevance.sortedAmong()).isZero();
  }

  @Test
  void keyword_search_ranks_the_paper_about_the_words_first() {
    assertThat(ids(search("graph neural networks molecular", SearchMode.KEYWORD, Filters.NONE).hits()))
        .startsWith("2401.00101");
    assertThat(ids(search("sparse attention long documents", SearchMode.KEYWORD, Filters.NONE).hits()))
        .startsWith("2401.00102");
  }

  @Test
  void fields_phrases_and_boolean_operators_work() {
    assertThat(ids(index.keyword("au:garcia", Filters.NONE, 10))).containsExactlyInAnyOrder("2401.00101", "2401.00109");
    assertThat(ids(index.keyword("ti:diffusion", Filters.NONE, 10))).containsExactly("2401.00104");
    assertThat(ids(index.keyword("cat:cs.IR", Filters.NONE, 10))).containsExactlyInAnyOrder("2401.00106", "2401.00107");
    assertThat(ids(index.keyword("\"sparse attention\"", Filters.NONE, 10))).containsExactly("2401.00102");
    assertThat(ids(index.keyword("molecular NOT equivariant", Filters.NONE, 10)))
        .contains("2401.00101").doesNotContain("2401.00109");
    assertThat(ids(index.keyword("molecules AND contrastive", Filters.NONE, 10))).containsExactly("2401.00105");
    assertThat(ids(index.keyword("(robot OR quantum) AND cat:quant-ph", Filters.NONE, 10))).containsExactly("2401.00108");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"unbalanced quote", "(missing parenthesis", "AND", "title:[a TO", "*leading"})
  void malformed_queries_get_a_clear_error_that_quotes_them(String q) {
    assertThatThrownBy(() -> index.keyword(q, Filters.NONE, 10))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining(q);
  }

  @Test
  void any_text_can_be_searched_literally_when_it_is_not_meant_as_a_query() {
    String claim = "Attention (+)- on tabular data: NOT [all] you need? \"trees\" AND boosting! ANDROID";
    assertThatThrownBy(() -> index.keyword(claim, Filters.NONE, 10)).isInstanceOf(BadQueryException.class);
    // Any word, as evaluation searches claims: no paper has every word of this one.
    assertThat(ids(index.keyword(org.paperlens.index.QueryText.literal(claim), org.paperlens.index.Match.ANY, Filters.NONE, 10)))
        .startsWith("2401.00110");
  }

  @Test
  void slashes_and_unknown_prefixes_are_plain_text_not_syntax() {
    assertThat(ids(index.keyword("hep-th/9901001 heterotic", org.paperlens.index.Match.ANY, Filters.NONE, 10))).contains("hep-th/9901001");
    assertThat(ids(index.keyword("string junctions heterotic", Filters.NONE, 10))).containsExactly("hep-th/9901001");
    assertThat(index.keyword("ratio 3:1 molecules", org.paperlens.index.Match.ANY, Filters.NONE, 10)).isNotEmpty();
  }

  @Test
  void filters_apply_in_keyword_mode() {
    Filters january = new Filters(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-31"), Set.of(), null);
    assertThat(ids(index.keyword("learning OR models OR networks", january, 10)))
        .containsExactlyInAnyOrder("2401.00101", "2401.00103", "2401.00104");
    Filters lg = new Filters(null, null, Set.of("cs.LG"), null);
    assertThat(ids(index.keyword("molecules OR molecular OR robot", lg, 10)))
        .containsExactlyInAnyOrder("2401.00101", "2401.00103", "2401.00105", "2401.00109");
  }

  @Test
  void the_author_filter_matches_whole_names_not_prefixes() {
    Filters smith = new Filters(null, null, Set.of(), "John Smith");
    assertThat(ids(index.keyword("learning OR attention OR robot", smith, 10))).containsExactly("2401.00102");
    Filters accent = new Filters(null, null, Set.of(), "lena muller");
    assertThat(ids(index.keyword("diffusion", accent, 10))).containsExactly("2401.00104");
  }

  @Test
  void vector_search_prefilters_so_k_results_come_back_when_k_exist() {
    // The query is about molecules, but only physics papers pass the filter: a post-filter on the
    // top k would return nothing; a pre-filter returns the two physics papers.
    Filters physics = new Filters(null, null, Set.of("quant-ph", "hep-th"), null);
    assertThat(ids(index.nearest(SearchFixture.TOPICS.embedQuery("molecules"), physics, 2)))
        .containsExactlyInAnyOrder("2401.00108", "hep-th/9901001");
    Filters march = new Filters(LocalDate.parse("2024-03-01"), null, Set.of(), null);
    assertThat(ids(index.nearest(SearchFixture.TOPICS.embedQuery("molecules"), march, 3)))
        .containsExactly("2401.00109", "2401.00110", "2401.00108");
  }

  @Test
  void semantic_search_finds_papers_by_meaning_without_shared_words() {
    assertThat(ids(search("chemistry", SearchMode.SEMANTIC, Filters.NONE).hits()))
        .startsWith("2401.00101", "2401.00105", "2401.00109");
  }

  @Test
  void hybrid_search_fuses_both_rankings_and_honours_filters() {
    SearchMode rrf = new SearchMode.Hybrid(new Fusion.ReciprocalRank(60));
    SearchMode weighted = new SearchMode.Hybrid(new Fusion.WeightedScores(0.5f));
    for (SearchMode mode : new SearchMode[] {rrf, weighted}) {
      assertThat(ids(search("molecular property prediction", mode, Filters.NONE).hits())).startsWith("2401.00101");
      Filters cl = new Filters(null, null, Set.of("cs.CL"), null);
      assertThat(ids(search("molecular property prediction", mode, cl).hits()))
          .containsExactlyInAnyOrder("2401.00102", "2401.00106");
    }
  }

  @Test
  void an_exact_arxiv_id_or_title_puts_that_paper_first() {
    SearchResult byId = search("2401.00108", SearchMode.KEYWORD, Filters.NONE);
    assertThat(byId.hits().getFirst().paper().id().value()).isEqualTo("2401.00108");
    assertThat(byId.hits().getFirst().pinned()).isTrue();
    SearchResult byOldId = search("arXiv:hep-th/9901001v2", SearchMode.SEMANTIC, Filters.NONE);
    assertThat(byOldId.hits().getFirst().paper().id().value()).isEqualTo("hep-th/9901001");
    SearchResult byTitle = search("string junctions and their duals in heterotic string theory!",
        new SearchMode.Hybrid(new Fusion.ReciprocalRank(60)), Filters.NONE);
    assertThat(byTitle.hits().getFirst().paper().id().value()).isEqualTo("hep-th/9901001");
    assertThat(ids(byTitle.hits())).doesNotHaveDuplicates();
  }

  @Test
  void pinning_respects_the_filters() {
    Filters cv = new Filters(null, null, Set.of("cs.CV"), null);
    SearchResult r = search("2401.00108", SearchMode.KEYWORD, cv);
    assertThat(r.hits()).noneMatch(SearchHit::pinned);
  }

  @Test
  void snippets_mark_matches_and_escape_html() {
    SearchResult r = search("tabular benchmarks", SearchMode.KEYWORD, Filters.NONE);
    SearchHit top = r.hits().getFirst();
    assertThat(top.paper().id().value()).isEqualTo("2401.00110");
    assertThat(top.snippet().marked()).contains("tabular");
    assertThat(top.snippet().text()).contains("<b>").contains("&").doesNotContain("&amp;");
    // Rendered for a page, the abstract's own markup is escaped and the matches marked.
    assertThat(top.snippet().render(Html::escape, "<mark>", "</mark>")).contains("<mark>tabular</mark>")
        .contains("&lt;b&gt;").contains("&amp;").doesNotContain("<b>");
  }

  @Test
  void pages_follow_one_another_without_gaps_or_repeats() {
    String q = "learning OR networks OR models OR attention OR molecules";
    SearchResult first = searcher.search(new SearchRequest(q, SearchMode.KEYWORD, Filters.NONE, 0, 3));
    SearchResult second = searcher.search(new SearchRequest(q, SearchMode.KEYWORD, Filters.NONE, 3, 3));
    SearchResult all = searcher.search(new SearchRequest(q, SearchMode.KEYWORD, Filters.NONE, 0, 6));
    assertThat(first.more()).isTrue();
    assertThat(ids(first.hits())).hasSize(3);
    assertThat(second.hits().getFirst().rank()).isEqualTo(4);
    assertThat(java.util.stream.Stream.concat(ids(first.hits()).stream(), ids(second.hits()).stream()).toList())
        .isEqualTo(ids(all.hits()));
  }

  @Test
  void a_second_meaning_list_is_fused_as_a_third_list_only_when_the_fusion_weighs_it() {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    SecondMeaning second = (q, f, depth) -> {
      calls.incrementAndGet();
      return java.util.List.of(new org.paperlens.index.IndexHit(SearchFixture.id("hep-th/9901001"), 0.9f),
          new org.paperlens.index.IndexHit(SearchFixture.id("2401.00103"), 0.1f));
    };
    Searcher three = searcher.withSecondMeaning(second);
    var two = three.retrieve("molecules", new SearchMode.Hybrid(new Fusion.WeightedScores(0.4f)),
        org.paperlens.index.Match.ANY, Filters.NONE, 10);
    assertThat(calls).hasValue(0);
    var fused = three.retrieve("molecules", new SearchMode.Hybrid(new Fusion.WeightedScores(0.2f, 0.7f)),
        org.paperlens.index.Match.ANY, Filters.NONE, 10);
    assertThat(calls).hasValue(1);
    // The second list's top paper (weight 0.7) outranks anything the other two lists (0.3 together) give.
    assertThat(fused.get(0).id().value()).isEqualTo("hep-th/9901001");
    assertThat(two.get(0).id().value()).isNotEqualTo("hep-th/9901001");
  }
}
