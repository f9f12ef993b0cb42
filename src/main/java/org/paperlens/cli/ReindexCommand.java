package org.paperlens.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.paperlens.app.PaperLens;
import org.paperlens.config.Config;
import org.paperlens.index.lucene.IndexBuilder;
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
    IndexBuilder.Report r;
    try (PaperLens root = main.root(config)) {
      err.println("paperlens: " + config.describe() + ", " + root.backend().describe());
      r = root.rebuilder().rebuild(root.catalogue(), root.vectors(), ConsoleProgress.forTerminal(err));
    }
    PrintWriter out = main.spec.commandLine().getOut();
    out.printf("indexed %,d papers (%,d with vectors) into %s in %.1f s, %,.0f papers/s%s%n", r.papers(),
        r.withVector(), r.location(), r.seconds(), r.papers() / Math.max(r.seconds(), 1e-9), PeakMemory.describe());
    out.flush();
    return 0;
  }
}
