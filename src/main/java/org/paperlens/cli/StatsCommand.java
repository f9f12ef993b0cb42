package org.paperlens.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperlens.app.PaperLens;
import org.paperlens.paper.CatalogueStats;
import org.paperlens.paper.CatalogueStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Show what the catalogue holds: counts by source, category and month, versions.")
final class StatsCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @Option(names = "--top", defaultValue = "20", paramLabel = "N",
      description = "How many categories to list (default ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() {
    CatalogueStats s;
    long embedded;
    long seq;
    org.paperlens.config.Config config = main.config();
    PrintWriter out = main.spec.commandLine().getOut();
    try (PaperLens root = main.root(config)) {
      CatalogueStore store = root.catalogue();
      s = CatalogueStats.of(store);
      embedded = root.vectorStore().countLive(config.model());
      seq = store.sequence();
      print(out, config, s, embedded, seq, root.indexIfBuilt());
    }
    return 0;
  }

  private void print(PrintWriter out, org.paperlens.config.Config config, CatalogueStats s, long embedded, long seq,
      java.util.Optional<org.paperlens.index.PaperIndex> index) {
    out.printf("papers: %,d (deleted at the source: %,d)%n", s.papers(), s.deleted());
    out.printf("embedded with %s: %,d of %,d live papers (the rest are searchable by keyword only)%n",
        config.model().configName(), embedded, s.papers() - s.deleted());
    if (index.isEmpty()) {
      out.println("search index: none yet ('paperlens serve' or 'paperlens reindex' builds it)");
    } else {
      org.paperlens.index.IndexCoverage c = index.get().coverage();
      out.printf("search index: %,d papers, %,d searchable by meaning; covers catalogue changes up to %,d of %,d%n",
          c.papers(), c.withVector(), c.seq(), seq);
    }
    out.printf("versions recorded: %,d; ids seen from more than one source: %,d%n", s.versionRows(), s.multiSource());
    table(out, "by source", s.bySource(), Integer.MAX_VALUE);
    table(out, "by primary category (top " + top + " of " + s.byPrimaryCategory().size() + ")", s.byPrimaryCategory(), top);
    table(out, "by category, cross-lists included (top " + top + " of " + s.byCategory().size() + ")", s.byCategory(), top);
    table(out, "by month first listed (or submitted)", s.byMonth(), Integer.MAX_VALUE);
    table(out, "by latest version (0 = not known)", s.byVersion(), Integer.MAX_VALUE);
    out.flush();
  }

  private static void table(PrintWriter out, String title, Map<String, Long> rows, int limit) {
    out.println();
    out.println(title + ":");
    rows.entrySet().stream().limit(limit).forEach(e -> out.printf("  %-20s %,10d%n", e.getKey(), e.getValue()));
  }
}
