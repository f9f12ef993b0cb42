package org.paperlens.cli;

import org.paperlens.config.Config;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.store.Database;

/**
 * Where every command gets its stores and its index: the one place that knows which engines the
 * configuration names. The catalogue and the other stores live in the database of {@code --db}
 * (SQLite in the data directory by default, or PostgreSQL). {@link #index} is the embedded Lucene
 * index, for the commands that only work on it; where the engine is a choice (embedded or SolrCloud),
 * {@link IndexBackend} makes it.
 * Each method opens a new resource that its caller closes.
 */
final class Composition {

  private Composition() {}

  /** The catalogue, its schema brought up to date. */
  static CatalogueStore catalogue(Config config) {
    return CatalogueStore.open(config.database());
  }

  /**
   * A connection of its own to the catalogue's database, for the account, community and library
   * stores: their short transactions never queue behind the catalogue's long scans.
   */
  static Database communityDatabase(CatalogueStore catalogue) {
    return Database.open(catalogue.url());
  }

  /** The built search index, read-only. @throws org.paperlens.index.IndexMissingException when none is built yet */
  static LuceneIndex index(Config config) {
    return LuceneIndex.open(config.indexDir(), config.indexSettings());
  }
}
