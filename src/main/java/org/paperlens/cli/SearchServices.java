package org.paperlens.cli;

import org.paperlens.config.Config;
import org.paperlens.index.IndexBuilder;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.search.QueryEncoder;

/** Assembles the search components a command needs from the configuration. */
final class SearchServices {

  private SearchServices() {}

  /** Stored vectors of the configured model; none until an embedding model is configured. */
  static IndexBuilder.VectorLookup vectors(CatalogueStore store, Config config) {
    return IndexBuilder.VectorLookup.NONE;
  }

  /** The query encoder of the configured model, or null when there is none. */
  static QueryEncoder encoder(Config config) {
    return null;
  }
}
