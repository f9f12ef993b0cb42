package org.paperlens.live;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.paperlens.common.RequestGauge;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.Encoder;
import org.paperlens.index.LiveSearchIndex;
import org.paperlens.paper.CatalogueStore;

/**
 * The server's background work, the daily loop of the product: papers come in (harvest on a
 * schedule, a watched import folder), get embedded (newest first, on every core while no request
 * is being served, giving way to requests within milliseconds),
 * reach the live index in place (no rebuild, no restart), and get their citations from the
 * configured sources. Four threads, one per stage, each working from the catalogue, so a stage
 * that falls behind only delays the ones after it:
 *
 * <ul>
 *   <li>ingest: scans the watched folder every {@code scanEvery}; harvests when the schedule says;
 *   <li>embed: embeds whatever lacks a vector, then waits for more;
 *   <li>index: applies catalogue changes past the index's watermark every {@code indexEvery},
 *       refreshes searches, commits every {@code commitEvery}; switches to a rebuilt generation;
 *   <li>enrich: queues new papers for each citation source and asks the sources for what is due
 *       ({@link EnrichStage}); a source that is down delays nothing else.
 * </ul>
 *
 * <p>Crash safety comes from the catalogue: every stage commits its own progress there (import
 * batches, the harvest cursor, vectors per batch) and the index commits its watermark with its
 * documents, so a restart after a kill at any point carries on and ends where an uninterrupted run
 * would have.
 *
 * <p>This class owns the threads and the status; each stage's work is its own class
 * ({@link HarvestStage}, {@link EmbedStage}, {@link IndexStage}).
 */
public final class Pipeline implements AutoCloseable {

  /**
   * @param watch a folder to import from, if any
   * @param harvest the harvest schedule, if a source is configured
   * @param embedShare the share of the machine's cores the embedder may use while no request is
   *     being served (0 &lt; share &le; 1; 1 by default: all of them); it always gives way to requests
   */
  public record Settings(Optional<Path> watch, Optional<HarvestSchedule> harvest, double embedShare,
      Duration scanEvery, Duration indexEvery, Duration commitEvery) {
    public Settings {
      if (!(embedShare > 0 && embedShare <= 1)) {
        throw new IllegalArgumentException("the embedding share of the CPU must be above 0 and at most 1, was " + embedShare);
      }
    }

    /** Intra-op threads of the background encoder on {@code cores} cores: enough to carry the share. */
    public int embedThreads(int cores) {
      return Math.max(1, (int) Math.ceil(embedShare * cores - 1e-9));
    }

    /** The share of those threads' time the embedder uses, so that threads times duty is the share of the cores. */
    public double embedDuty(int cores) {
      return Math.min(1, embedShare * cores / embedThreads(cores));
    }

    public static Settings defaults() {
      return new Settings(Optional.empty(), Optional.empty(), 1.0, Duration.ofSeconds(5), Duration.ofSeconds(1),
          Duration.ofSeconds(30));
    }
  }

  private final Settings settings;
  private final CatalogueStore store;
  private final LiveSearchIndex index;
  private final Consumer<String> log;
  private final IndexStage indexStage;
  private final EmbedStage embedStage;
  private final HarvestStage harvestStage;
  private final EnrichStage enrichStage;
  private final Duration enrichIdle;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;
  private volatile String lastImport;
  private WatchedFolder folder;

  /**
   * @param store the pipeline's own catalogue connection: its long reads and writes never make a
   *     web request wait on the connection the pages use
   * @param model the model whose vectors the index holds
   * @param encoder that model, loaded, with {@link Settings#embedThreads} threads; null to leave embedding to
   *     {@code paperlens embed}
   */
  public Pipeline(Settings settings, CatalogueStore store, LiveSearchIndex index, EmbeddingModel model,
      Encoder encoder, Clock clock, Consumer<String> log) {
    this(settings, store, index, model, encoder, null, new RequestGauge(), clock, log);
  }

  /**
   * @param enrichment the citation stage's parts; null for none
   * @param requests the web server's requests in flight: the embedder gives way to them
   */
  public Pipeline(Settings settings, CatalogueStore store, LiveSearchIndex index, EmbeddingModel model,
      Encoder encoder, Enrichment enrichment, RequestGauge requests, Clock clock, Consumer<String> log) {
    this.enrichStage = enrichment == null ? null
        : new EnrichStage(enrichment.store(), store, enrichment.sources(), enrichment.cadence(), clock, log);
    this.enrichIdle = enrichment == null ? Duration.ZERO : enrichment.idle();
    this.settings = settings;
    this.store = store;
    this.index = index;
    this.log = log;
    this.indexStage = new IndexStage(store, index, model, settings.commitEvery(), log, Instant::now);
    this.embedStage = encoder == null ? null : new EmbedStage(store, encoder, requests,
        settings.embedDuty(Runtime.getRuntime().availableProcessors()), () -> running, log);
    this.harvestStage = settings.harvest().map(h -> new HarvestStage(h, store, clock, log, this::wakeEmbedder)).orElse(null);
  }

  public void start() {
    running = true;
    if (settings.watch().isPresent() || harvestStage != null) {
      threads.add(loop("pipeline-ingest", settings.scanEvery(), this::ingest));
    }
    if (embedStage != null) {
      threads.add(loop("pipeline-embed", Duration.ZERO, embedStage::step));
    }
    threads.add(loop("pipeline-index", settings.indexEvery(), indexStage::step));
    if (enrichStage != null) {
      threads.add(loop("pipeline-enrich", Duration.ZERO, () -> enrichStage.step(enrichIdle)));
    }
  }

  public PipelineStatus status() {
    return new PipelineStatus(index.coverage(), indexStage.catalogueSeq(),
        embedStage == null ? EmbedProgress.NONE : embedStage.progress(), harvestStage == null ? null : harvestStage.last(), lastImport,
        enrichStage == null ? List.of() : enrichStage.status());
  }

  /** A stage's work, run again and again until the pipeline stops. */
  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  private Thread loop(String name, Duration pause, Step step) {
    Thread t = new Thread(() -> {
      while (running) {
        try {
          step.run();
          if (!pause.isZero()) {
            Thread.sleep(pause.toMillis());
          }
        } catch (InterruptedException e) {
          return;
        } catch (Exception | OutOfMemoryError e) {
          log.accept(name + " failed (tried again shortly): " + e);
          try {
            Thread.sleep(Math.max(1000, pause.toMillis()));
          } catch (InterruptedException stop) {
            return;
          }
        }
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void ingest() {
    if (settings.watch().isPresent()) {
      if (folder == null) {
        folder = new WatchedFolder(settings.watch().get(), store, line -> {
          lastImport = Instant.now() + ": " + line;
          log.accept(line);
        });
      }
      if (folder.scan() > 0) {
        wakeEmbedder();
      }
    }
    if (harvestStage != null) {
      harvestStage.runIfDue();
    }
  }

  private void wakeEmbedder() {
    if (embedStage != null) {
      embedStage.wake();
    }
    if (enrichStage != null) {
      enrichStage.wake();
    }
  }

  /** Stops the stages (each finishes its current batch) and commits the index. */
  @Override
  public void close() {
    running = false;
    for (Thread t : threads) {
      t.interrupt();
    }
    for (Thread t : threads) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      index.commit();
    } catch (RuntimeException e) {
      log.accept("could not commit the search index on the way out (a restart catches up): " + e.getMessage());
    }
  }
}
