package org.paperlens.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.index.CountedHits;
import org.paperlens.index.Filters;
import org.paperlens.index.HitCount;
import org.paperlens.index.Match;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.paper.CatalogueStore;

/**
 * A keyword or hybrid search counts its matches exactly up to {@link Searcher#EXACT_COUNT} and says
 * "1,000+" past it, where counting every match of common words would cost more than the search;
 * under the bound the count is exact, and paging goes past the bound as before.
 */
class BoundedTotalTest {

  @TempDir
  static Path tmp;
  private static CatalogueStore store;
  private static LuceneIndex index;
  private static Searcher searcher;

  @BeforeAll
  static void build() throws Exception {
    store = SearchFixture.catalogue(tmp.resolve("data"));
    ManyPapers.addTo(store, tmp);
    SearchFixture.index(store, tmp.resolve("index"));
    index = SearchFixture.open(tmp.resolve("index"));
    searcher = new Searcher(index, SearchFixture.TOPICS);
  }

  @AfterAll
  static void close() {
    // Null when the PostgreSQL pass skipped the class before building anything.
    if (index != null) {
      index.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private static final SearchMode HYBRID = new SearchMode.Hybrid(new Fusion.ReciprocalRank(60));

  private static SearchResult search(String q, SearchMode mode, int offset) {
    return searcher.search(new SearchRequest(q, mode, Filters.NONE, offset, 10));
  }

  @Test
  void a_search_matching_more_than_the_bound_says_at_least_the_bound() {
    for (SearchMode mode : new SearchMode[] {SearchMode.KEYWORD, HYBRID}) {
      SearchResult r = search("sparse graphs", mode, 0);
      assertThat(r.total()).as(mode.label()).isEqualTo(HitCount.atLeast(1_000));
      assertThat(r.totalText()).as(mode.label()).startsWith("1,000+ papers have all the words");
      assertThat(r.hits()).hasSize(10);
    }
  }

  @Test
  void a_search_matching_fewer_than_the_bound_counts_exactly() {
    assertThat(search("sparse lattice", SearchMode.KEYWORD, 0).total()).isEqualTo(HitCount.exactly(ManyPapers.LATTICE));
    assertThat(search("sparse lattice", HYBRID, 0).totalText()).startsWith("110 papers have all the words");
    assertThat(index.count("sparse graphs", Match.ALL, Filters.NONE, 5_000)).isEqualTo(HitCount.exactly(ManyPapers.PAPERS));
  }

  @Test
  void paging_goes_past_the_bound_and_the_total_stays_a_lower_bound() {
    SearchResult deep = search("sparse graphs", SearchMode.KEYWORD, SearchRequest.MAX_OFFSET);
    assertThat(deep.hits()).hasSize(10);
    assertThat(deep.hits().getFirst().rank()).isEqualTo(1_001);
    assertThat(deep.more()).isTrue();
    assertThat(deep.total().exact()).isFalse();
    assertThat(deep.total().value()).isGreaterThanOrEqualTo(1_011);
    assertThat(deep.totalText()).startsWith("1,011+ papers");
  }

  @Test
  void a_keyword_search_counted_in_its_own_pass_gives_the_hits_and_the_bounded_count() {
    for (String q : java.util.List.of("sparse graphs", "sparse lattice", "lattice", "graphs", "trees OR lattice", "dense trees")) {
      for (int bound : new int[] {100, 1_000, 5_000}) {
        CountedHits counted = index.keywordCounted(q, Match.ALL, Filters.NONE, 10, bound);
        assertThat(counted.hits()).as(q).isEqualTo(index.keyword(q, Match.ALL, Filters.NONE, 10));
        assertThat(counted.total()).as(q + " up to " + bound).isEqualTo(index.count(q, Match.ALL, Filters.NONE, bound));
      }
    }
  }

  @Test
  void a_count_of_one_word_or_of_every_paper_stays_exact_where_the_index_knows_it() {
    assertThat(index.count(null, Match.ALL, Filters.NONE, 1_000)).isEqualTo(HitCount.exactly(index.size()));
  }
}
