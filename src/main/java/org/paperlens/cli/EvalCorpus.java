package org.paperlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.paperlens.config.Config;
import org.paperlens.embed.CatalogueEmbedder;
import org.paperlens.embed.Encoder;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.ingest.InputFormat;
import org.paperlens.paper.CatalogueStore;

/**
 * Readies a benchmark corpus for the evaluation commands: imports it (BEIR format) into its own
 * catalogue, embeds what lacks a vector (when an encoder is given) and rebuilds the index. Every
 * step is incremental, so a second evaluation of the same corpus only rebuilds the index.
 */
final class EvalCorpus {

  private EvalCorpus() {}

  /** @return how papers' stored vectors are found (none when {@code encoder} is null) */
  static IndexBuilder.VectorLookup prepare(CatalogueStore store, Encoder encoder, Path corpus, String dataset,
      Config config, PrintWriter err) throws IOException {
    return prepare(store, encoder, corpus, dataset, IndexBuilder.into(config.indexDir(), config.indexSettings()), err);
  }

  /** As {@link #prepare(CatalogueStore, Encoder, Path, String, Config, PrintWriter)}, into the index {@code rebuild} writes. */
  static IndexBuilder.VectorLookup prepare(CatalogueStore store, Encoder encoder, Path corpus, String dataset,
      org.paperlens.index.IndexRebuild rebuild, PrintWriter err) throws IOException {
    ImportReport imported = new Importer(store, new Importer.Options(Optional.of(InputFormat.BEIR), dataset, 1000),
        ConsoleProgress.forTerminal(err)).run(List.of(corpus), new ImportReport());
    err.printf("corpus: %,d documents (%,d new)%n", imported.read(), imported.added());
    IndexBuilder.VectorLookup vectors = IndexBuilder.VectorLookup.NONE;
    if (encoder != null) {
      var embedded = new CatalogueEmbedder(store, encoder, ConsoleProgress.forTerminal(err)).run(Long.MAX_VALUE);
      err.printf("embeddings: %,d computed now, %,d already stored%n", embedded.embedded(), embedded.upToDate());
      vectors = SearchServices.vectors(store, encoder.model());
    }
    rebuild.rebuild(store, vectors, ConsoleProgress.forTerminal(err));
    return vectors;
  }
}
