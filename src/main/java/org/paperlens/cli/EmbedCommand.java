package org.paperlens.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.paperlens.app.PaperLens;
import org.paperlens.config.Config;
import org.paperlens.embed.CatalogueEmbedder;
import org.paperlens.embed.EmbedReport;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.Encoder;
import org.paperlens.paper.CatalogueStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "embed", mixinStandardHelpOptions = true,
    description = {"Compute the sentence embeddings of papers that lack one or whose text changed.",
        "Each paper's title and abstract is embedded and the vector stored in the catalogue.",
        "Runs on the CPU with the model shipped in paperlens; nothing is downloaded.",
        "Every batch is committed, so a killed run is finished by running it again."})
final class EmbedCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "NAME", defaultValue = "bge-small-en-v1.5-q",
      converter = ModelConverter.class, completionCandidates = ModelNames.class,
      description = "Embedding model: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  EmbeddingModel model;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "" + Encoder.Options.DEFAULT_BATCH_SIZE,
      description = "Papers per model run and per transaction (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "" + Encoder.Options.DEFAULT_THREADS,
      description = "CPU threads for the model (default ${DEFAULT-VALUE}).")
  int threads;

  @CommandLine.Mixin
  Truncation truncation = new Truncation();

  @Option(names = "--spin",
      description = "Let idle model threads spin instead of sleeping: a few per cent faster on a machine left to "
          + "the embedding, slower when other work shares the cores (default: they sleep).")
  boolean spin;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "" + Long.MAX_VALUE, showDefaultValue = CommandLine.Help.Visibility.NEVER,
      description = "Embed at most N papers in this run (default: all that need it).")
  long limit;

  @Override
  public Integer call() {
    if (batchSize < 1 || threads < 1 || limit < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--batch and --threads must be at least 1 and --limit not negative (were "
          + batchSize + ", " + threads + ", " + limit + ")");
    }
    Config config = main.config();
    PrintWriter err = main.spec.commandLine().getErr();
    err.println("paperlens: " + config.describe());
    try (PaperLens root = main.root(config)) {
      embedMissing(root.catalogue(), model, truncation.options(threads, batchSize, spin), limit,
          main.spec.commandLine().getOut(), err);
    }
    return 0;
  }

  /** The embedding step, shared with {@code import --embed}: embeds, then prints the summary. */
  static EmbedReport embedMissing(CatalogueStore store, EmbeddingModel model, Encoder.Options options,
      long limit, PrintWriter out, PrintWriter err) {
    err.printf("paperlens: embedding with %s (%d dimensions), %d threads, batches of %d%n",
        model, model.dimension(), options.threads(), options.batchSize());
    err.flush();
    EmbedReport report;
    try (Encoder encoder = Encoder.open(model, options)) {
      report = new CatalogueEmbedder(store, encoder, ConsoleProgress.forTerminal(err)).run(limit);
    }
    out.println(report.summary() + PeakMemory.describe());
    out.flush();
    return report;
  }

  static final class ModelConverter implements CommandLine.ITypeConverter<EmbeddingModel> {
    @Override
    public EmbeddingModel convert(String value) {
      return EmbeddingModel.byName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
          "unknown model '" + value + "'; known: " + EmbeddingModel.names()));
    }
  }

  static final class ModelNames extends java.util.ArrayList<String> {
    ModelNames() {
      for (EmbeddingModel m : EmbeddingModel.values()) {
        add(m.configName());
      }
    }
  }
}
