package org.paperlens.live;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.paperlens.common.Progress;
import org.paperlens.embed.CatalogueEmbedder;
import org.paperlens.embed.EmbedReport;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.VectorStore;
import org.paperlens.index.LiveSearchIndex;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.ingest.Harvester;
import org.paperlens.ingest.ImportReport;
import org.paperlens.paper.CatalogueStore;

/**
 * The server's background work, the daily loop of the product: papers come in (harvest on a
 * schedule, a watched import folder), get embedded (newest first, at a bounded share of the CPU),
 * and reach the live index in place (no rebuild, no restart). Three threads, one per stage, each
 * working from the catalogue, so a stage that falls behind only delays the ones after it:
 *
 * <ul>
 *   <li>ingest: scans the watched folder every {@code scanEvery}; harvests when the schedule says;
 *   <li>embed: embeds whatever lacks a vector, then waits for more;
 *   <li>index: applies catalogue changes past the index's watermark every {@code indexEvery},
 *       refreshes searches, commits every {@code commitEvery}; switches to a rebuilt generation.
 * </ul>
 *
 * <p>Crash safety comes from the catalogue: every stage commits its own progress there (import
 * batches, the harvest cursor, vectors per batch) and the index commits its watermark with its
 * documents, so a restart after a kill at any point carries on and ends where an uninterrupted run
 * would have.
 */
public final class Pipeline implements AutoCloseable {

  /**
   * @param watch a folder to import from, if any
   * @param harvest the harvest schedule, if a source is configured
   * @param embedShare the share of one core's time the embedder may use (0 &lt; share &le; 1)
   */
  public record Settings(Optional<Path> watch, Optional<HarvestSchedule> harvest, double embedShare,
      Duration scanEvery, Duration indexEvery, Duration commitEvery) {
    public Settings {
      if (!(embedShare > 0 && embedShare <= 1)) {
        throw new IllegalArgumentException("the embedding share of the CPU must be above 0 and at most 1, was " + embedShare);
      }
    }

    public static Settings defaults() {
      return new Settings(Optional.empty(), Optional.empty(), 0.5, Duration.ofSeconds(5), Duration.ofSeconds(1),
          Duration.ofSeconds(30));
    }
  }

  private static final String HARVEST_SLOT_KEY = "serve:harvest-slot";
  private static final String HARVEST_LEASE = "serve:harvest";
  /**
   * Renewed every third of its length while the harvest runs, so a process killed mid-harvest (or
   * a restart of the same one) holds the slot off for at most this long, however long harvests take.
   */
  private static final Duration HARVEST_LEASE_TIME = Duration.ofSeconds(30);
  /** Who holds a lease: this process, among the serve processes sharing one database. */
  private final String leaseOwner = java.util.UUID.randomUUID().toString();
  /** After a failed harvest, the next try waits this long (real time), so a dead source is not hammered. */
  private static final Duration HARVEST_RETRY = Duration.ofMinutes(10);

  private final Settings settings;
  private final CatalogueStore store;
  private final LiveSearchIndex index;
  private final Encoder encoder;
  private final Clock clock;
  private final Consumer<String> log;
  private final IndexCatchUp catchUp;
  private final org.paperlens.embed.EmbeddingModel model;
  private final CatalogueEmbedder embedder;
  private final List<Thread> threads = new ArrayList<>();
  private final Object embedSignal = new Object();
  private volatile boolean running;
  private volatile long toEmbed;
  private volatile double embedRate;
  private volatile String lastHarvest;
  private volatile String lastImport;
  private volatile long catalogueSeq;

  /**
   * @param store the pipeline's own catalogue connection: its long reads and writes never make a
   *     web request wait on the connection the pages use
   * @param model the model whose vectors the index holds
   * @param encoder that model, loaded; null to leave embedding to {@code paperlens embed}
   */
  public Pipeline(Settings settings, CatalogueStore store, LiveSearchIndex index, org.paperlens.embed.EmbeddingModel model,
      Encoder encoder, Clock clock, Consumer<String> log) {
    this.settings = settings;
    this.store = store;
    this.index = index;
    this.encoder = encoder;
    this.clock = clock;
    this.log = log;
    this.model = model;
    this.catchUp = new IndexCatchUp(store, model, index);
    this.catalogueSeq = store.sequence();
    this.embedder = encoder == null ? null : embedder();
  }

  public void start() {
    running = true;
    if (settings.watch().isPresent() || settings.harvest().isPresent()) {
      threads.add(loop("pipeline-ingest", settings.scanEvery(), this::ingest));
    }
    if (encoder != null) {
      threads.add(loop("pipeline-embed", Duration.ZERO, this::embed));
    }
    threads.add(loop("pipeline-index", settings.indexEvery(), new IndexStage()::step));
  }

  public PipelineStatus status() {
    return new PipelineStatus(index.coverage(), catalogueSeq, toEmbed, embedRate, lastHarvest, lastImport);
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

  // ---- ingest ----

  private WatchedFolder folder;
  private Instant harvestRetryAt = Instant.MIN;

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
    settings.harvest().ifPresent(this::harvestIfDue);
  }

  private void harvestIfDue(HarvestSchedule schedule) {
    Optional<Instant> last = store.state(HARVEST_SLOT_KEY).map(Instant::parse);
    if (!schedule.isDue(last, clock) || Instant.now().isBefore(harvestRetryAt)) {
      return;
    }
    Instant slot = schedule.latestSlot(clock.instant());
    // Several serve processes on one database: one harvests the slot, the others find it done.
    Instant now = Instant.now();
    if (!store.write(w -> w.takeLease(HARVEST_LEASE, leaseOwner, now, now.plus(HARVEST_LEASE_TIME)))) {
      return;
    }
    var renewer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "harvest-lease");
      t.setDaemon(true);
      return t;
    });
    long every = HARVEST_LEASE_TIME.toMillis() / 3;
    renewer.scheduleAtFixedRate(this::renewHarvestLease, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    try {
      if (schedule.isDue(store.state(HARVEST_SLOT_KEY).map(Instant::parse), clock)) {
        harvest(schedule, slot);
      }
    } finally {
      renewer.shutdownNow();
      store.write(w -> {
        w.releaseLease(HARVEST_LEASE, leaseOwner);
        return null;
      });
    }
  }

  private void renewHarvestLease() {
    try {
      if (!store.write(w -> w.renewLease(HARVEST_LEASE, leaseOwner, Instant.now().plus(HARVEST_LEASE_TIME)))) {
        log.accept("harvest: the lease ran out and another process took it; this harvest goes on, idempotently");
      }
    } catch (RuntimeException e) {
      log.accept("harvest: cannot renew the lease: " + e.getMessage());
    }
  }

  private void harvest(HarvestSchedule schedule, Instant slot) {
    Harvester harvester = harvester(schedule, Optional.empty());
    if (!harvester.hasCursor()) {
      harvester = harvester(schedule, Optional.of(schedule.firstFrom(clock))); // the very first harvest
    }
    ImportReport report = new ImportReport();
    try {
      Harvester.Outcome outcome = harvester.run(report);
      store.write(w -> {
        w.putState(HARVEST_SLOT_KEY, slot.toString());
        return null;
      });
      lastHarvest = clock.instant() + ": " + outcome.pages() + " pages, " + report.summary().lines().findFirst().orElse("");
      log.accept("harvest " + schedule.url() + ": " + report.summary().lines().findFirst().orElse(""));
      if (outcome.changedCatalogue()) {
        wakeEmbedder();
      }
    } catch (IOException | RuntimeException e) {
      harvestRetryAt = Instant.now().plus(HARVEST_RETRY);
      lastHarvest = clock.instant() + ": failed: " + e.getMessage();
      log.accept("harvest of " + schedule.url() + " failed (retried in " + HARVEST_RETRY.toMinutes() + " min): " + e.getMessage());
    }
  }

  private Harvester harvester(HarvestSchedule schedule, Optional<java.time.LocalDate> from) {
    return new Harvester(store, new Harvester.Options(schedule.url(), "arXiv", schedule.set(), from, Optional.empty(),
        schedule.delay(), Duration.ofSeconds(5), 3, org.paperlens.ingest.FetchLimits.HARVEST), Progress.NONE, line -> {});
  }

  // ---- embed ----

  /** Papers embedded between two looks at what is new. */
  private static final int EMBED_STRETCH = 1024;
  /** The catalogue position of the embedder's last look that found nothing to do (-1: look again). */
  private long seenByEmbedder = -1;
  /** Set when an import or harvest brought papers in: the embedder's current stretch ends early. */
  private volatile boolean arrived;

  private void wakeEmbedder() {
    arrived = true;
    synchronized (embedSignal) {
      embedSignal.notifyAll();
    }
  }

  /** Holds the embedder to its share of a core, and ends a stretch early when newer papers arrive. */
  private CatalogueEmbedder embedder() {
    double share = settings.embedShare();
    // Sleeping (1 - share) / share of each batch's time holds the embedder to its share of a core.
    return new CatalogueEmbedder(store, encoder, Progress.NONE, nanos -> {
      if (!running) {
        throw new InterruptedException("stopping");
      }
      long pause = (long) (nanos * (1 - share) / share / 1_000_000);
      if (pause > 0) {
        Thread.sleep(pause);
      }
      return !arrived; // newer papers came in: end this stretch so the next one starts with them
    });
  }

  private void embed() throws InterruptedException {
    long seq = store.sequence();
    if (seq == seenByEmbedder) {
      synchronized (embedSignal) {
        embedSignal.wait(5_000); // nothing changed since the last look: woken by an import, or looks again soon
      }
      return;
    }
    // A stretch at a time, each chosen afresh: papers imported meanwhile go to the front of the queue.
    arrived = false;
    EmbedReport report = embedder.run(EMBED_STRETCH);
    seenByEmbedder = report.embedded() > 0 ? -1 : seq;
    toEmbed = report.leftForLater();
    embedRate = report.seconds() > 0 ? report.embedded() / report.seconds() : 0;
    if (report.embedded() > 0) {
      log.accept(String.format("embedded %,d papers (%.1f papers/s at a %.0f%% share of a core)%s", report.embedded(),
          embedRate, settings.embedShare() * 100, report.leftForLater() > 0 ? String.format("; %,d left", report.leftForLater()) : ""));
    } else {
      embedRate = 0;
    }
  }

  // ---- index ----

  /** The index stage's state: when it last committed, and whether it has rebuilt an outdated layout. */
  private final class IndexStage {
    private Instant lastCommit = Instant.now();
    private boolean rebuilt;

    void step() throws IOException {
      if (!index.currentFormat() && !rebuilt) {
        rebuilt = true;
        log.accept(index.staleReason() + ": rebuilding it in the background (searches go on meanwhile)");
        index.rebuild(store, catchUpVectors(), Progress.NONE);
      }
      if (index.switchIfRebuilt()) {
        log.accept("switched to the rebuilt search index (" + index.coverage().papers() + " papers)");
      }
      catalogueSeq = store.sequence();
      int applied = catchUp.run();
      if (applied > 0) {
        index.refresh();
      }
      if (index.appliedSeq() > index.durableSeq()
          && Duration.between(lastCommit, Instant.now()).compareTo(settings.commitEvery()) >= 0) {
        index.commit();
        lastCommit = Instant.now();
      }
    }
  }

  private IndexBuilder.VectorLookup catchUpVectors() {
    VectorStore vectors = new VectorStore(store);
    return id -> vectors.find(id, model).map(org.paperlens.embed.PaperVector::vector).orElse(null);
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
