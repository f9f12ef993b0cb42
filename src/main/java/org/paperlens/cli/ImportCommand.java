package org.paperlens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.paperlens.app.PaperLens;
import org.paperlens.config.Config;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.Encoder;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.ingest.InputFormat;
import org.paperlens.paper.CatalogueStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import paper metadata from files or directory trees into the catalogue.",
        "Formats are recognised from their content (gzip included); re-importing changes nothing.",
        "Bad records are skipped and reported; an unreadable file stops the import (exit 3)",
        "after keeping everything read before it."})
final class ImportCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to import.")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Read every file as this format instead of detecting it: ${COMPLETION-CANDIDATES}.",
      converter = FormatConverter.class, completionCandidates = FormatNames.class)
  InputFormat format;

  @Option(names = "--dataset", paramLabel = "NAME",
      description = "Id scheme for sources without global ids (BEIR). Default: the name of the corpus's directory.")
  String dataset;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
      description = "Records per transaction (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--embed",
      description = "Then embed the papers that need it, as `paperlens embed` does with its defaults.")
  boolean embed;

  @Override
  public Integer call() throws Exception {
    Config config = main.config();
    var err = main.spec.commandLine().getErr();
    err.println("paperlens: " + config.describe());
    String datasetName = dataset != null ? dataset : defaultDataset(paths.getFirst());
    ImportReport report = new ImportReport();
    var out = main.spec.commandLine().getOut();
    try (PaperLens root = main.root(config)) {
      CatalogueStore store = root.catalogue();
      long start = System.nanoTime();
      try {
        new Importer(store, new Importer.Options(Optional.ofNullable(format), datasetName, batchSize),
            ConsoleProgress.forTerminal(err)).run(paths, report);
      } finally {
        double seconds = (System.nanoTime() - start) / 1e9;
        out.print(report.summary());
        out.printf("%.1f s, %,.0f records/s%s%n", seconds, report.read() / Math.max(seconds, 1e-9), PeakMemory.describe());
        out.flush();
      }
      if (embed) {
        EmbedCommand.embedMissing(store, EmbeddingModel.DEFAULT, Encoder.Options.DEFAULT, Long.MAX_VALUE, out, err);
      }
    }
    return 0;
  }

  /** {@code .../scifact/corpus.jsonl} is the SciFact corpus: name it after its directory. */
  private static String defaultDataset(Path first) {
    Path abs = first.toAbsolutePath().normalize();
    Path dir = java.nio.file.Files.isDirectory(abs) || abs.getParent() == null ? abs : abs.getParent();
    String name = dir.getFileName() == null ? "corpus" : dir.getFileName().toString();
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
  }

  static final class FormatConverter implements CommandLine.ITypeConverter<InputFormat> {
    @Override
    public InputFormat convert(String value) {
      return InputFormat.byName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
          "unknown format '" + value + "'; known: " + String.join(", ", new FormatNames())));
    }
  }

  static final class FormatNames extends java.util.ArrayList<String> {
    FormatNames() {
      for (InputFormat f : InputFormat.values()) {
        add(f.cliName());
      }
    }
  }
}
