package org.paperlens.app;

import java.nio.file.Path;
import java.util.Map;
import org.paperlens.config.Config;
import org.paperlens.index.IndexRebuild;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.LiveSearchIndex;
import org.paperlens.index.PaperIndex;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LiveIndex;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.index.solr.SolrIndex;
import org.paperlens.index.solr.SolrTarget;

/**
 * Where the search index lives, chosen once per command: the embedded Lucene index under the data
 * directory (the default), or a SolrCloud collection ({@code --solr URL}, else {@code $PAPERLENS_SOLR}).
 * The one place an engine is picked; past it, commands see {@link PaperIndex},
 * {@link LiveSearchIndex} or {@link IndexRebuild} only.
 */
public sealed interface IndexBackend {

  String SOLR_ENV = "PAPERLENS_SOLR";

  /**
   * @param solrFlag {@code --solr}, or null
   * @throws IllegalArgumentException quoting a malformed Solr URL
   */
  static IndexBackend of(Config config, String solrFlag, Map<String, String> env) {
    String solr = solrFlag != null ? solrFlag : env.get(SOLR_ENV);
    if (solr == null || solr.isBlank()) {
      return new Embedded(config.indexDir(), config.indexSettings());
    }
    if (config.indexSettings().quantization() != org.paperlens.index.VectorQuantization.DEFAULT) {
      // Fail rather than ignore it: the collection's schema (solr/configset) decides how Solr keeps vectors.
      throw new IllegalArgumentException("the vector quantisation '" + config.indexSettings().quantization().configName()
          + "' applies to the embedded index only; a SolrCloud collection keeps the vectors its schema declares");
    }
    return new Solr(SolrTarget.parse(solr), config.indexSettings());
  }

  /** For commands that only search. */
  PaperIndex openForSearch();

  /** For a server, which also updates the index as the catalogue changes. */
  LiveSearchIndex openLive();

  IndexRebuild rebuilder();

  /** One line for logs. */
  String describe();

  /** For commands that can do part of their job without an index: empty when none is built yet. */
  default java.util.Optional<PaperIndex> openIfBuilt() {
    try {
      return java.util.Optional.of(openForSearch());
    } catch (org.paperlens.index.IndexMissingException e) {
      return java.util.Optional.empty();
    }
  }

  record Embedded(Path root, IndexSettings settings) implements IndexBackend {
    @Override
    public PaperIndex openForSearch() {
      LuceneIndex index = LuceneIndex.open(root, settings);
      if (!index.currentFormat()) {
        // Read-only commands answer from the index as built; only a rebuild applies the settings.
        System.err.println("paperlens: " + index.staleReason() + "; searching it as built until 'paperlens reindex'"
            + " (or serve) rebuilds it");
      }
      return index;
    }

    @Override
    public LiveSearchIndex openLive() {
      return LiveIndex.open(root, settings);
    }

    /** The index as built, without the stale-format note that a search prints. */
    @Override
    public java.util.Optional<PaperIndex> openIfBuilt() {
      try {
        return java.util.Optional.of(LuceneIndex.open(root, settings));
      } catch (org.paperlens.index.IndexMissingException e) {
        return java.util.Optional.empty();
      }
    }

    @Override
    public IndexRebuild rebuilder() {
      return IndexBuilder.into(root, settings);
    }

    @Override
    public String describe() {
      return "embedded search index in " + root.toAbsolutePath().normalize();
    }
  }

  record Solr(SolrTarget target, IndexSettings settings) implements IndexBackend {
    @Override
    public PaperIndex openForSearch() {
      return SolrIndex.connect(target, settings);
    }

    @Override
    public LiveSearchIndex openLive() {
      return SolrIndex.connect(target, settings);
    }

    @Override
    public IndexRebuild rebuilder() {
      return (store, vectors, progress) -> {
        try (SolrIndex index = SolrIndex.connect(target, settings)) {
          return index.rebuild(store, vectors, progress);
        }
      };
    }

    @Override
    public String describe() {
      return "search index in SolrCloud " + target;
    }
  }
}
