package org.paperlens.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.Match;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.live.CatalogueSource;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/**
 * The keyword match rule on the embedded index, over seven papers (fixtures/match-corpus.jsonl)
 * of which two have all of "diffusion", "language" and "models" (one as "model", one of them in
 * the abstract only), three have two or one of them, and one none. The SolrCloud engine is held
 * to the same counts in {@code index.solr.SolrIndexTest}.
 */
class MatchRuleTest {

  static final String QUERY = "diffusion language models";
  static final List<String> ALL_THREE = List.of("2402.00001", "2402.00002");
  static final List<String> ANY_OF_THEM = List.of("2402.00001", "2402.00002", "2402.00003", "2402.00004", "2402.00005", "2402.00006");

  @TempDir static Path tmp;
  static CatalogueStore store;
  static LuceneIndex index;
  static Searcher searcher;

  @BeforeAll
  static void build() throws Exception {
    store = TestDatabase.catalogue(tmp.resolve("data"));
    new Importer(store, new Importer.Options(Optional.empty(), "x", 100), Progress.NONE)
        .run(List.of(Fixtures.path("match-corpus.jsonl")), new ImportReport());
    IndexBuilder.rebuild(CatalogueSource.of(store, id -> null), tmp.resolve("index"), IndexSettings.DEFAULT, Progress.NONE);
    index = LuceneIndex.open(tmp.resolve("index"), IndexSettings.DEFAULT);
    searcher = new Searcher(index, null);
  }

  @AfterAll
  static void close() {
    index.close();
    store.close();
  }

  private static List<String> ids(List<IndexHit> hits) {
    return hits.stream().map(h -> h.id().value()).sorted().toList();
  }

  @Test
  void a_query_of_three_words_counts_and_finds_only_the_papers_with_all_three() {
    assertThat(index.count(QUERY, Filters.NONE)).isEqualTo(ALL_THREE.size());
    assertThat(ids(index.keyword(QUERY, Filters.NONE, 10))).isEqualTo(ALL_THREE);
    SearchResult r = searcher.search(new SearchRequest(QUERY, SearchMode.KEYWORD, Filters.NONE, 0, 10));
    assertThat(r.total().value()).isEqualTo(2);
    assertThat(r.hits()).extracting(h -> h.paper().id().value()).containsExactlyInAnyOrderElementsOf(ALL_THREE);
    assertThat(r.totalText()).isEqualTo("2 papers have all the words");
  }

  @Test
  void match_any_is_the_classic_or_every_paper_with_one_of_the_words_ranked_by_bm25() {
    assertThat(index.count(QUERY, Match.ANY, Filters.NONE)).isEqualTo(ANY_OF_THEM.size());
    List<IndexHit> any = index.keyword(QUERY, Match.ANY, Filters.NONE, 10);
    assertThat(ids(any)).isEqualTo(ANY_OF_THEM);
    SearchResult r = searcher.search(new SearchRequest(QUERY, SearchMode.KEYWORD, Filters.NONE, 0, 10, SortOrder.RELEVANCE, Match.ANY));
    assertThat(r.totalText()).isEqualTo("6 papers have one of the words or more");
  }

  @Test
  void explicit_operators_mean_the_same_under_both_rules() {
    for (Match m : Match.values()) {
      assertThat(ids(index.keyword("diffusion OR language", m, Filters.NONE, 10))).as(m.label())
          .containsExactly("2402.00001", "2402.00002", "2402.00003", "2402.00004", "2402.00005", "2402.00006");
      assertThat(ids(index.keyword("diffusion AND (language OR image)", m, Filters.NONE, 10))).as(m.label())
          .containsExactly("2402.00001", "2402.00002", "2402.00003");
      assertThat(ids(index.keyword("diffusion -language", m, Filters.NONE, 10))).as(m.label())
          .containsExactly("2402.00003", "2402.00005");
    }
    // Under the default, parentheses group alternatives beside a required word.
    assertThat(ids(index.keyword("diffusion (language OR image)", Filters.NONE, 10))).containsExactly("2402.00001", "2402.00002", "2402.00003");
    SearchResult r = searcher.search(new SearchRequest("diffusion OR language", SearchMode.KEYWORD, Filters.NONE, 0, 10));
    assertThat(r.totalText()).isEqualTo("6 papers match the query");
  }

  @Test
  void stop_words_and_word_forms_do_not_keep_a_paper_out() {
    // "the" and "of" are stop words (not in the text fields, though author names would keep them); "model" and "models" share a stem.
    assertThat(ids(index.keyword("the diffusion of language model", Filters.NONE, 10))).isEqualTo(ALL_THREE);
    assertThat(index.count("The Diffusion Language Models", Filters.NONE)).isEqualTo(2);
    // A phrase keeps its stop words, so its positions stay the paper's.
    assertThat(ids(index.keyword("\"diffusion for text\" masked", Filters.NONE, 10))).containsExactly("2402.00002");
  }

  @Test
  void a_query_no_paper_has_every_word_of_finds_nothing_and_says_so() {
    SearchResult r = searcher.search(new SearchRequest("diffusion robots", SearchMode.KEYWORD, Filters.NONE, 0, 10));
    assertThat(r.total().value()).isZero();
    assertThat(r.hits()).isEmpty();
    assertThat(searcher.search(new SearchRequest("diffusion robots", SearchMode.KEYWORD, Filters.NONE, 0, 10, SortOrder.RELEVANCE,
        Match.ANY)).total().value()).isEqualTo(5);
  }
}
