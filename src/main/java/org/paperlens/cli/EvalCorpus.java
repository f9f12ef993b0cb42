package org.paperlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.paperlens.app.PaperLens;
import org.paperlens.embed.CatalogueEmbedder;
import org.paperlens.index.VectorLookup;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.ingest.InputFormat;
import org.paperlens.live.CatalogueSource;
import org.paperlens.paper.CatalogueStore;

/**
 * Readies a benchmark corpus for the evaluation commands: imports it (BEIR format) into its own
 * catalogue, embeds what lacks a vector (when an encoder is given) and rebuilds the index. Every
 * step is incremental, so a second evaluation of the same corpus only rebuilds the index.
 */
final class EvalCorpus {

  private EvalCorpus() {}

  /**
   * Imports the corpus into {@code root}'s catalogue, embeds it with the root's model when
   * {@code embed}, and rebuilds the root's index.
   *
   * @return how papers' stored vectors are found (none without {@code embed})
   */
  static VectorLookup prepare(PaperLens root, boolean embed, Path corpus, String dataset, PrintWriter err)
      throws IOException {
    CatalogueStore store = root.catalogue();
    ImportReport imported = new Importer(store, new Importer.Options(Optional.of(InputFormat.BEIR), dataset, 1000),
        ConsoleProgress.forTerminal(err)).run(List.of(corpus), new ImportReport());
    err.printf("corpus: %,d documents (%,d new)%n", imported.read(), imported.added());
    VectorLookup vectors = VectorLookup.NONE;
    if (embed) {
      var embedded = new CatalogueEmbedder(store, root.encoder(), ConsoleProgress.forTerminal(err)).run(Long.MAX_VALUE);
      err.printf("embeddings: %,d computed now, %,d already stored%n", embedded.embedded(), embedded.upToDate());
      vectors = root.vectors();
    }
    root.rebuilder().rebuild(CatalogueSource.of(store, vectors), ConsoleProgress.forTerminal(err));
    return vectors;
  }
}
