package org.paperlens.live;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.paperlens.common.RequestGauge;
import org.paperlens.common.StageHealth;
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
  /** The one stage thread {@link #close} never interrupts; set by {@link #start}, as {@link #threads} is. */
  private Thread indexThread;
  /** Counted down by {@link #close}: ends every stage's pause at once, without an interrupt. */
  private final CountDownLatch stopping = new CountDownLatch(1);
  /** Each stage's fault record, in the order the status lists them; others (the digest schedule) join with {@link #report}. */
  private final List<StageHealth> health = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final StageHealth watchHealth;
  private final StageHealth harvestHealth;
  private final StageHealth indexHealth;
  private final StageHealth embedHealth;
  private final StageHealth enrichHealth;
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
    this.indexHealth = health("index");
    this.embedStage = encoder == null ? null : new EmbedStage(store, encoder, requests,
        settings.embedDuty(Runtime.getRuntime().availableProcessors()), () -> running, log);
    this.harvestStage = settings.harvest().map(h -> new HarvestStage(h, store, clock, log, this::wakeEmbedder)).orElse(null);
    this.watchHealth = settings.watch().isPresent() ? health("watch") : null;
    this.harvestHealth = harvestStage != null ? health("harvest") : null;
    this.embedHealth = embedStage != null ? health("embed") : null;
    this.enrichHealth = enrichStage != null ? health("enrich") : null;
  }

  /** A new stage's fault record, on real time: backoff is slept, whatever clock the schedule runs on. */
  private StageHealth health(String stage) {
    StageHealth h = new StageHealth(stage, Clock.systemUTC(), log);
    health.add(h);
    return h;
  }

  /** Lists another background stage's faults (the digest schedule's) in this pipeline's status. */
  public void report(StageHealth other) {
    health.add(other);
  }

  public void start() {
    running = true;
    if (settings.watch().isPresent() || harvestStage != null) {
      // Watch and harvest share a thread (one writer of imports at a time) but not a fault record:
      // a harvest source that is down does not stop the watched folder, nor the other way round.
      threads.add(loop("pipeline-ingest", settings.scanEvery(), null, this::ingest));
    }
    if (embedStage != null) {
      threads.add(loop("pipeline-embed", Duration.ZERO, embedHealth, embedStage::step));
    }
    indexThread = loop("pipeline-index", settings.indexEvery(), indexHealth, indexStage::step);
    threads.add(indexThread);
    if (enrichStage != null) {
      threads.add(loop("pipeline-enrich", Duration.ZERO, enrichHealth, () -> enrichStage.step(enrichIdle)));
    }
  }

  public PipelineStatus status() {
    return new PipelineStatus(index.coverage(), indexStage.catalogueSeq(),
        embedStage == null ? EmbedProgress.NONE : embedStage.progress(), harvestStage == null ? null : harvestStage.last(), lastImport,
        enrichStage == null ? List.of() : enrichStage.status(), health.stream().map(StageHealth::status).toList());
  }

  /** A stage's work, run again and again until the pipeline stops. */
  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  /**
   * Runs {@code step} until the pipeline stops, pausing {@code pause} after each success and the
   * stage's backoff after each failure ({@code health} null: the step keeps its own records).
   */
  private Thread loop(String name, Duration pause, StageHealth health, Step step) {
    Thread t = new Thread(() -> {
      while (running) {
        Duration wait = pause;
        try {
          step.run();
          if (health != null) {
            health.succeeded();
          }
        } catch (InterruptedException e) {
          return;
        } catch (Exception | OutOfMemoryError e) {
          if (!running) {
            return; // stopping: an interrupted write is not a fault
          }
          wait = health != null ? health.failed(e) : Duration.ofSeconds(1);
        }
        try {
          if (!wait.isZero() && stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException e) {
          return;
        }
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Runs one part of a shared thread's work unless it is waiting out its backoff; records how it went. */
  private void attempt(StageHealth health, Step work) throws InterruptedException {
    if (!health.due()) {
      return;
    }
    try {
      work.run();
      health.succeeded();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception | OutOfMemoryError e) {
      if (running) {
        health.failed(e);
      }
    }
  }

  private void ingest() throws InterruptedException {
    if (watchHealth != null) {
      attempt(watchHealth, () -> {
        if (folder == null) {
          folder = new WatchedFolder(settings.watch().get(), store, line -> {
            lastImport = Instant.now() + ": " + line;
            log.accept(line);
          });
        }
        if (folder.scan() > 0) {
          wakeEmbedder();
        }
      });
    }
    if (harvestHealth != null) {
      attempt(harvestHealth, () -> {
        harvestStage.runIfDue();
        // The harvest keeps its own retry delay (a source is not asked every second); its fault shows here.
        if (harvestStage.failure().isPresent()) {
          throw new IllegalStateException(harvestStage.failure().get());
        }
      });
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

  /**
   * Stops the stages (each finishes its current batch) and commits the index. The index stage is
   * never interrupted: Lucene's write lock is held through a {@code FileChannel}, which an interrupt
   * closes when it reaches the thread inside one of the channel's calls (the lock check before each
   * new index file), and then neither that write nor the final commit can happen ("FileLock
   * invalidated by an external force", a stack trace on the way out of {@code serve}). It sees
   * {@code running} false after its step and its pause ends on {@link #stopping}. The other stages
   * are interrupted: they may be waiting on a remote source.
   */
  @Override
  public void close() {
    running = false;
    stopping.countDown();
    for (Thread t : threads) {
      if (t != indexThread) {
        t.interrupt();
      }
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
