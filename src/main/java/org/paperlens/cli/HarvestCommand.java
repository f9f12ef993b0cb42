package org.paperlens.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.paperlens.app.PaperLens;
import org.paperlens.config.Config;
import org.paperlens.ingest.FetchLimits;
import org.paperlens.ingest.Harvester;
import org.paperlens.ingest.ImportReport;
import org.paperlens.paper.CatalogueStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "harvest", mixinStandardHelpOptions = true,
    description = "Harvest paper metadata from a remote source into the catalogue.",
    subcommands = HarvestCommand.Arxiv.class)
final class HarvestCommand implements Runnable {

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a source is required (arxiv)");
  }

  /** Exit code when the run worked but the catalogue did not change, so cron chains can stop. */
  static final int NOTHING_NEW = 1;

  @Command(name = "arxiv", mixinStandardHelpOptions = true,
      description = {"Harvest arXiv's OAI-PMH interface, incrementally.",
          "Without --from, a run carries on where the last one stopped:",
          "mid-list after a crash, else from the day the last list began.",
          "Exits 0 when the catalogue changed, 1 when there was nothing new,",
          "5 when the server failed."})
  static final class Arxiv implements Callable<Integer> {

    @CommandLine.ParentCommand
    HarvestCommand harvest;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
        description = "First datestamp to ask for. Default: where the last harvest stopped (everything on the first run).")
    LocalDate from;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last datestamp to ask for. Default: none.")
    LocalDate until;

    @Option(names = "--set", paramLabel = "SET", description = "OAI set, e.g. cs or physics:hep-th. Default: all of arXiv.")
    String set;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "https://export.arxiv.org/oai2",
        description = "The OAI-PMH endpoint (default ${DEFAULT-VALUE}).")
    URI baseUrl;

    @Option(names = "--metadata-prefix", paramLabel = "PREFIX", defaultValue = "arXiv",
        description = "arXiv (structured authors, categories, journal reference) or oai_dc (default ${DEFAULT-VALUE}).")
    String metadataPrefix;

    @Option(names = "--delay-ms", paramLabel = "MS", defaultValue = "3000",
        description = "Pause between requests; arXiv asks harvesters for a few seconds (default ${DEFAULT-VALUE}).")
    long delayMs;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "5",
        description = "Retries of a failed request (503, 5xx, timeout) before giving up (default ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "60",
        description = "The most one request may take, connecting to last byte, in seconds (default ${DEFAULT-VALUE}).")
    long timeoutS;

    @Option(names = "--max-response-mb", paramLabel = "MB", defaultValue = "64",
        description = "The largest response read, as sent and as unpacked, in MiB (default ${DEFAULT-VALUE}).")
    long maxResponseMb;

    @Option(names = "--max-retry-after-s", paramLabel = "S", defaultValue = "900",
        description = "The longest Retry-After waited for; a longer one ends the run (exit 5) (default ${DEFAULT-VALUE}).")
    long maxRetryAfterS;

    @Override
    public Integer call() throws Exception {
      CommandLine cli = harvest.main.spec.commandLine();
      if (!metadataPrefix.equals("arXiv") && !metadataPrefix.equals("oai_dc")) {
        throw new CommandLine.ParameterException(cli, "unsupported --metadata-prefix '" + metadataPrefix + "': use arXiv or oai_dc");
      }
      if (delayMs < 0 || timeoutS < 1 || maxResponseMb < 1 || maxRetryAfterS < 0) {
        throw new CommandLine.ParameterException(cli, "--delay-ms and --max-retry-after-s must be at least 0,"
            + " --timeout-s and --max-response-mb at least 1");
      }
      Harvester.Options options;
      try {
        // The first backoff is never shorter than the politeness delay, and never below a second.
        options = new Harvester.Options(baseUrl, metadataPrefix, Optional.ofNullable(set), Optional.ofNullable(from),
            Optional.ofNullable(until), Duration.ofMillis(delayMs), Duration.ofMillis(Math.max(delayMs, 1000)),
            maxRetries, new FetchLimits(Duration.ofSeconds(timeoutS), maxResponseMb << 20, Duration.ofSeconds(maxRetryAfterS)));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cli, e.getMessage());
      }
      Config config = harvest.main.config();
      PrintWriter err = cli.getErr();
      err.println("paperlens: " + config.describe());
      ImportReport report = new ImportReport();
      long start = System.nanoTime();
      Harvester.Outcome outcome;
      try (PaperLens root = harvest.main.root(config)) {
        outcome = new Harvester(root.catalogue(), options, ConsoleProgress.forTerminal(err), notice -> {
          err.println("paperlens: " + notice);
          err.flush();
        }).run(report);
      } finally {
        PrintWriter out = cli.getOut();
        out.print(report.summary());
        out.printf("%.1f s%n", (System.nanoTime() - start) / 1e9);
        out.flush();
      }
      return outcome.changedCatalogue() ? 0 : NOTHING_NEW;
    }
  }
}
