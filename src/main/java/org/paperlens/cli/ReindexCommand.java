package org.paperlens.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.paperlens.config.Config;
import org.paperlens.index.RebuildReport;
import org.paperlens.live.CatalogueSource;
import org.paperlens.paper.CatalogueStore;
import picocli.CommandLine.Command;
import picocli.CommandLine;

@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = {"Rebuild the search index from the catalogue and the stored vectors (never re-embeds).",
        "Atomic: searches use the old index until the new one is complete."})
final class ReindexCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @Override
  public Integer call() {
    Config config = main.config();
    PrintWriter err = main.spec.commandLine().getErr();
    IndexBackend backend = main.indexBackend(config);
    err.println("paperlens: " + config.describe() + ", " + backend.describe());
    RebuildReport r;
    try (CatalogueStore store = Composition.catalogue(config)) {
      r = backend.rebuilder().rebuild(CatalogueSource.of(store, SearchServices.vectors(store, config.model())), ConsoleProgress.forTerminal(err));
    }
    PrintWriter out = main.spec.commandLine().getOut();
    out.printf("indexed %,d papers (%,d with vectors) into %s in %.1f s, %,.0f papers/s%s%n", r.papers(),
        r.withVector(), r.location(), r.seconds(), r.papers() / Math.max(r.seconds(), 1e-9), PeakMemory.describe());
    out.flush();
    return 0;
  }
}
