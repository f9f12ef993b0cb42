package org.paperlens.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.search.SearchFixture.ids;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.embed.CatalogueEmbedder;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.Encoder;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.paper.CatalogueStore;

/** The whole path with the real bge model: import, embed, index from stored vectors, search by meaning. */
class RealModelSearchTest {

  @TempDir Path tmp;

  @Test
  void semantic_and_hybrid_search_find_papers_by_meaning_with_the_real_model() throws Exception {
    try (CatalogueStore store = SearchFixture.catalogue(tmp.resolve("data"));
        Encoder encoder = Encoder.open(EmbeddingModel.BGE_SMALL_EN_V15_Q, Encoder.Options.DEFAULT)) {
      new CatalogueEmbedder(store, encoder, Progress.NONE).run(Long.MAX_VALUE);
      var vectors = new org.paperlens.embed.VectorStore(store);
      IndexBuilder.Report built = IndexBuilder.rebuild(store,
          id -> vectors.find(id, EmbeddingModel.BGE_SMALL_EN_V15_Q).map(v -> v.vector()).orElse(null),
          tmp.resolve("index"), IndexSettings.DEFAULT, Progress.NONE);
      assertThat(built.withVector()).isEqualTo(11);
      try (LuceneIndex index = LuceneIndex.open(tmp.resolve("index"), IndexSettings.DEFAULT)) {
        Searcher searcher = new Searcher(index, encoder::embedQuery);
        // No word of the query is in the molecule papers' titles, yet they come first.
        var semantic = searcher.search(new SearchRequest("predicting chemical compound properties with deep learning",
            SearchMode.SEMANTIC, Filters.NONE, 0, 3));
        assertThat(ids(semantic.hits())).containsExactlyInAnyOrder("2401.00101", "2401.00105", "2401.00109");
        var hybrid = searcher.search(new SearchRequest("surface codes for quantum computers",
            new SearchMode.Hybrid(new Fusion.WeightedScores(0.4f)), Filters.NONE, 0, 1));
        assertThat(ids(hybrid.hits())).containsExactly("2401.00108");
      }
    }
  }
}
