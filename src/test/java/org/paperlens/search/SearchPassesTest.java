package org.paperlens.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.index.Filters;
import org.paperlens.index.Match;
import org.paperlens.index.PaperIndex;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.paper.CatalogueStore;

/**
 * What a search asks of the index (issue 23: a hybrid search at a million papers). Hybrid search
 * retrieves each list only as deep as the fusion of the first 100 results uses: the meaning list 50
 * deep (an HNSW search's cost grows with k; at a million papers it was the largest part of a hybrid
 * search), like the keyword list. Every page within the first 100, and evaluation at depth 100,
 * fuse the same two lists; a page past them retrieves both to its own depth. The total of a keyword
 * or hybrid search is counted by its keyword search, not by a counting pass of its own.
 */
class SearchPassesTest {

  @TempDir
  static Path tmp;
  private static CatalogueStore store;
  private static LuceneIndex index;
  private static final List<String> calls = new ArrayList<>();
  private static Searcher searcher;

  private static final SearchMode HYBRID = new SearchMode.Hybrid(new Fusion.WeightedScores(0.4f));

  @BeforeAll
  static void build() throws Exception {
    store = SearchFixture.catalogue(tmp.resolve("data"));
    SearchFixture.index(store, tmp.resolve("index"));
    index = SearchFixture.open(tmp.resolve("index"));
    searcher = new Searcher(recording(index), SearchFixture.TOPICS);
  }

  @AfterAll
  static void close() {
    if (index != null) {
      index.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @BeforeEach
  void forget() {
    calls.clear();
  }

  /** The real index, with the depth of each keyword and nearest-neighbour retrieval written down. */
  private static PaperIndex recording(PaperIndex real) {
    return (PaperIndex) Proxy.newProxyInstance(PaperIndex.class.getClassLoader(), new Class<?>[] {PaperIndex.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "keyword", "nearest" -> calls.add(method.getName() + " " + args[args.length - 1]);
            case "keywordCounted" -> calls.add("keyword " + args[3]); // (query, match, filters, k, exactUpTo)
            case "count" -> calls.add("count");
            default -> { }
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void a_first_page_takes_the_meaning_top_50_and_the_keyword_top_50() {
    SearchResult r = searcher.search(new SearchRequest("molecules", HYBRID, Filters.NONE, 0, 10));
    assertThat(r.hits()).isNotEmpty();
    assertThat(calls).containsExactlyInAnyOrder("keyword 50", "nearest 50");
  }

  @Test
  void every_page_within_the_first_100_and_evaluation_fuse_the_same_lists() {
    searcher.search(new SearchRequest("molecules", HYBRID, Filters.NONE, 80, 10));
    searcher.retrieve("molecules", HYBRID, Match.ALL, Filters.NONE, 100);
    assertThat(calls).containsExactlyInAnyOrder("keyword 50", "nearest 50", "keyword 50", "nearest 50");
  }

  @Test
  void a_page_past_the_first_100_retrieves_both_lists_to_its_depth() {
    searcher.search(new SearchRequest("molecules", HYBRID, Filters.NONE, 100, 10));
    assertThat(calls).containsExactlyInAnyOrder("keyword 111", "nearest 111");
  }

  @Test
  void keyword_and_hybrid_searches_take_their_total_from_the_keyword_search() {
    SearchResult keyword = searcher.search(new SearchRequest("molecules", SearchMode.KEYWORD, Filters.NONE, 0, 10));
    SearchResult hybrid = searcher.search(new SearchRequest("molecules", HYBRID, Filters.NONE, 0, 10));
    assertThat(calls).doesNotContain("count");
    int matches = index.count("molecules", Match.ALL, Filters.NONE);
    assertThat(matches).isPositive();
    assertThat(keyword.total()).isEqualTo(org.paperlens.index.HitCount.exactly(matches));
    assertThat(hybrid.total()).isEqualTo(org.paperlens.index.HitCount.exactly(matches));
  }

  @Test
  void semantic_search_alone_goes_only_as_deep_as_its_page() {
    searcher.search(new SearchRequest("molecules", SearchMode.SEMANTIC, Filters.NONE, 0, 10));
    assertThat(calls).containsExactly("nearest 11");
  }
}
