package org.paperlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.config.Config;
import org.paperlens.embed.Encoder;
import org.paperlens.index.PaperIndex;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.search.SearchMode;
import org.paperlens.search.SearchRequest;
import org.paperlens.search.SearchFixture;
import org.paperlens.store.Database;
import org.paperlens.testing.TestDatabase;

/** The application root opens only what is asked of it, shares it, and closes it in reverse order. */
class PaperLensTest {

  @TempDir Path tmp;

  private PaperLens root(Path data) {
    Config config = TestDatabase.config(Config.resolve(Map.of(), data));
    return PaperLens.open(config, IndexBackend.of(config, null, Map.of()), Clock.systemUTC());
  }

  @Test
  void reading_the_catalogue_opens_neither_the_index_nor_the_encoder_nor_the_community_database() {
    Path data = tmp.resolve("data");
    try (PaperLens root = root(data)) {
      assertThat(root.catalogue()).isSameAs(root.catalogue());
      assertThat(root.indexIfBuilt()).as("no index is built yet").isEmpty();
      assertThat(root.openedTypes()).containsExactly(CatalogueStore.class);
    }
  }

  @Test
  void a_keyword_search_opens_the_index_but_does_not_load_the_model() throws Exception {
    Path data = tmp.resolve("data");
    try (CatalogueStore store = SearchFixture.catalogue(data)) {
      SearchFixture.index(store, data.resolve("index"));
    }
    try (PaperLens root = root(data)) {
      var hits = root.searcher().search(new SearchRequest("graph neural networks", SearchMode.KEYWORD, null, 0, 5)).hits();
      assertThat(hits).isNotEmpty();
      assertThat(root.openedTypes()).noneMatch(Encoder.class::isAssignableFrom).noneMatch(Database.class::isAssignableFrom)
          .anyMatch(PaperIndex.class::isAssignableFrom);
      assertThat(root.related()).isSameAs(root.related());
    }
  }

  @Test
  void the_citation_store_is_opened_once_on_a_connection_of_its_own_and_closed_before_the_catalogue() {
    Path data = tmp.resolve("data");
    try (PaperLens root = root(data)) {
      assertThat(root.citations()).isSameAs(root.citations());
      assertThat(root.citations().checkpoint("never-written")).isEmpty();
      assertThat(root.openedTypes()).containsExactly(CatalogueStore.class, Database.class);
      assertThat(root.citations()).as("not the community's connection").isNotNull();
      assertThat(root.database()).isNotNull();
      assertThat(root.openedTypes()).containsExactly(CatalogueStore.class, Database.class, Database.class);
    }
  }

  @Test
  void what_was_opened_is_closed_last_first_and_every_close_is_tried() {
    List<String> closed = new ArrayList<>();
    Opened opened = new Opened();
    opened.add(() -> closed.add("catalogue"));
    opened.add(() -> {
      closed.add("index");
      throw new IllegalStateException("the index would not close");
    });
    opened.add(() -> closed.add("server"));
    org.assertj.core.api.Assertions.assertThatThrownBy(opened::close).hasMessageContaining("would not close");
    assertThat(closed).containsExactly("server", "index", "catalogue");
  }
}
