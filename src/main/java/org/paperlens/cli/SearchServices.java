package org.paperlens.cli;

import org.paperlens.config.Config;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.paper.CatalogueStore;

/** Assembles the search components a command needs from the configuration. */
final class SearchServices {

  private SearchServices() {}

  /** The stored vectors of {@code model}, looked up one paper at a time while the index is built. */
  static IndexBuilder.VectorLookup vectors(CatalogueStore store, EmbeddingModel model) {
    VectorStore vectors = new VectorStore(store);
    return id -> vectors.find(id, model).map(PaperVector::vector).orElse(null);
  }

  /** The query encoder of the configured model; the caller closes it. */
  static Encoder encoder(Config config) {
    return Encoder.open(config.model(), Encoder.Options.DEFAULT);
  }

  /** The search index, or null when none is built yet: for commands that can do part of their job without one. */
  static org.paperlens.index.lucene.LuceneIndex indexIfBuilt(Config config) {
    try {
      return Composition.index(config);
    } catch (org.paperlens.index.IndexMissingException e) {
      return null;
    }
  }
}
