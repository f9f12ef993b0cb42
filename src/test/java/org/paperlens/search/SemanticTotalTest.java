package org.paperlens.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.live.CatalogueSource;
import org.paperlens.paper.CatalogueStore;

/** While papers are still being embedded, a semantic search says how many it ranks: only those with an embedding. */
class SemanticTotalTest {

  /** Four of the eleven papers of the fixture have an embedding; three of them are in cs.LG (of five there). */
  private static final Set<String> EMBEDDED = Set.of("2401.00101", "2401.00102", "2401.00103", "2401.00105");

  /** Runs {@code check} on a searcher over the fixture with only {@link #EMBEDDED} embedded. */
  private static void withPartlyEmbedded(Path tmp, java.util.function.BiConsumer<LuceneIndex, Searcher> check) throws Exception {
    try (CatalogueStore store = SearchFixture.catalogue(tmp.resolve("data"))) {
      IndexBuilder.rebuild(CatalogueSource.of(store, id -> EMBEDDED.contains(id.value()) ? SearchFixture.VECTORS.get(id.value()) : null),
          tmp.resolve("index"), IndexSettings.DEFAULT, Progress.NONE);
      try (LuceneIndex index = SearchFixture.open(tmp.resolve("index"))) {
        check.accept(index, new Searcher(index, SearchFixture.TOPICS));
      }
    }
  }

  @Test
  void a_semantic_total_counts_the_embedded_papers_only(@TempDir Path tmp) throws Exception {
    withPartlyEmbedded(tmp, (index, searcher) -> {
      assertThat(index.coverage().partialMeaning()).isTrue();
      SearchResult all = searcher.search(new SearchRequest("language models", SearchMode.SEMANTIC, Filters.NONE, 0, 10));
      assertThat(all.total().value()).isEqualTo(4);
      assertThat(all.hits()).hasSize(4);
      Filters lg = new Filters(null, null, Set.of("cs.LG"), null);
      assertThat(searcher.search(new SearchRequest("language models", SearchMode.SEMANTIC, lg, 0, 10)).total().value()).isEqualTo(3);
      assertThat(index.count(null, lg)).isEqualTo(5); // what the total said before: papers it cannot find counted too
    });
  }

  @Test
  void a_keyword_total_still_counts_every_paper_the_words_match(@TempDir Path tmp) throws Exception {
    withPartlyEmbedded(tmp, (index, searcher) ->
        assertThat(searcher.search(new SearchRequest("cat:cs.LG", SearchMode.KEYWORD, Filters.NONE, 0, 10)).total().value()).isEqualTo(5));
  }
}
