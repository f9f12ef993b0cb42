package org.paperlens.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.paperlens.app.PaperLens;
import org.paperlens.citation.RefreshCadence;
import org.paperlens.citation.source.OpenAlexSnapshotImport;
import org.paperlens.citation.source.OpenAlexSnapshotReader;
import org.paperlens.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "import-openalex", mixinStandardHelpOptions = true,
    description = {"Backfill citations, counts, venues and author ids from an OpenAlex snapshot, without any request.",
        "Reads the works partitions (updated_date=*/part_*.gz, gzipped JSON Lines), files or folders of them.",
        "Works that are catalogue papers (by arXiv id, else DOI) are stored as the API's answer would be;",
        "bad lines are counted and listed (file, line, reason) and skipped. Running it again changes nothing.",
        "Exit 0 when works were stored, 1 when none was a catalogue paper, 3 when a path is not a snapshot file or folder."})
final class ImportOpenAlexCommand implements Callable<Integer> {

  /** Bad lines listed on the console; the count covers them all. */
  static final int SHOWN_BAD_LINES = 20;

  @CommandLine.ParentCommand
  Main main;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Snapshot files (.gz) or folders of them.")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    Config config = main.config();
    var err = main.spec.commandLine().getErr();
    var out = main.spec.commandLine().getOut();
    err.println("paperlens: " + config.describe());
    try (PaperLens root = main.root(config)) {
      long start = System.nanoTime();
      OpenAlexSnapshotImport.Report report = new OpenAlexSnapshotImport(root.citations(), root.catalogue(),
          RefreshCadence.DEFAULT, Clock.systemUTC()).run(paths, ConsoleProgress.forTerminal(err));
      double seconds = (System.nanoTime() - start) / 1e9;
      OpenAlexSnapshotReader.Report read = report.read();
      out.printf("%,d files, %,d works read: %,d stored for catalogue papers, %,d not in the catalogue; %,d bad lines%n",
          read.files(), read.works(), report.stored(), report.elsewhere(), read.badLines());
      read.firstBadLines().stream().limit(SHOWN_BAD_LINES)
          .forEach(b -> out.printf("  bad line %s:%d: %s%n", b.file(), b.line(), b.reason()));
      if (read.badLines() > SHOWN_BAD_LINES) {
        out.printf("  … and %,d more bad lines%n", read.badLines() - SHOWN_BAD_LINES);
      }
      out.printf("%.1f s, %,.0f works/s%s%n", seconds, read.works() / Math.max(seconds, 1e-9), PeakMemory.describe());
      out.flush();
      return report.stored() > 0 ? 0 : 1;
    }
  }
}
