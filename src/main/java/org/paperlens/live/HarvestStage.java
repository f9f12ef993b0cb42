package org.paperlens.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.paperlens.common.Progress;
import org.paperlens.ingest.FetchLimits;
import org.paperlens.ingest.Harvester;
import org.paperlens.ingest.ImportReport;
import org.paperlens.paper.CatalogueStore;

/**
 * The pipeline's scheduled harvest: once per slot of the {@link HarvestSchedule}, among all the
 * serve processes sharing one database (a lease in the catalogue decides which one harvests), and
 * after a failure not again for {@link #RETRY} of real time, so a dead source is not hammered.
 * Run by the pipeline's ingest thread only; {@link #last} may be read from any thread.
 */
final class HarvestStage {

  static final String SLOT_KEY = "serve:harvest-slot";
  static final String LEASE = "serve:harvest";
  /**
   * Renewed every third of its length while the harvest runs, so a process killed mid-harvest (or
   * a restart of the same one) holds the slot off for at most this long, however long harvests take.
   */
  static final Duration LEASE_TIME = Duration.ofSeconds(30);
  /** After a failed harvest, the next try waits this long (real time). */
  static final Duration RETRY = Duration.ofMinutes(10);

  private final HarvestSchedule schedule;
  private final CatalogueStore store;
  private final Clock clock;
  private final Consumer<String> log;
  private final Runnable arrived;
  private final Duration firstBackoff;
  private final int maxRetries;
  /** Who holds a lease: this process, among the serve processes sharing one database. */
  private final String leaseOwner = UUID.randomUUID().toString();
  private Instant retryAt = Instant.MIN;
  private volatile String last;
  private volatile String failure;

  /** @param arrived told when a harvest changed the catalogue (the embedder starts on the new papers) */
  HarvestStage(HarvestSchedule schedule, CatalogueStore store, Clock clock, Consumer<String> log, Runnable arrived) {
    this(schedule, store, clock, log, arrived, Duration.ofSeconds(5), 3);
  }

  /** With the source's retries: tests make a failure quick. */
  HarvestStage(HarvestSchedule schedule, CatalogueStore store, Clock clock, Consumer<String> log, Runnable arrived,
      Duration firstBackoff, int maxRetries) {
    this.schedule = schedule;
    this.store = store;
    this.clock = clock;
    this.log = log;
    this.arrived = arrived;
    this.firstBackoff = firstBackoff;
    this.maxRetries = maxRetries;
  }

  /** Why the last harvest failed, while no later one has succeeded: what the pipeline's fault record shows. */
  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** The last harvest's outcome, one line with its time; null before the first. */
  String last() {
    return last;
  }

  /** Harvests when a slot is due, no failure is waiting out its retry delay, and this process gets the lease. */
  void runIfDue() {
    Optional<Instant> lastSlot = store.state(SLOT_KEY).map(Instant::parse);
    if (!schedule.isDue(lastSlot, clock) || Instant.now().isBefore(retryAt)) {
      return;
    }
    Instant slot = schedule.latestSlot(clock.instant());
    // Several serve processes on one database: one harvests the slot, the others find it done.
    Instant now = Instant.now();
    if (!store.write(w -> w.takeLease(LEASE, leaseOwner, now, now.plus(LEASE_TIME)))) {
      return;
    }
    ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "harvest-lease");
      t.setDaemon(true);
      return t;
    });
    long every = LEASE_TIME.toMillis() / 3;
    renewer.scheduleAtFixedRate(this::renewLease, every, every, TimeUnit.MILLISECONDS);
    try {
      if (schedule.isDue(store.state(SLOT_KEY).map(Instant::parse), clock)) {
        harvest(slot);
      }
    } finally {
      renewer.shutdownNow();
      store.write(w -> {
        w.releaseLease(LEASE, leaseOwner);
        return null;
      });
    }
  }

  private void renewLease() {
    try {
      if (!store.write(w -> w.renewLease(LEASE, leaseOwner, Instant.now().plus(LEASE_TIME)))) {
        log.accept("harvest: the lease ran out and another process took it; this harvest goes on, idempotently");
      }
    } catch (RuntimeException e) {
      log.accept("harvest: cannot renew the lease: " + e.getMessage());
    }
  }

  private void harvest(Instant slot) {
    Harvester harvester = harvester(Optional.empty());
    if (!harvester.hasCursor()) {
      harvester = harvester(Optional.of(schedule.firstFrom(clock))); // the very first harvest
    }
    ImportReport report = new ImportReport();
    try {
      Harvester.Outcome outcome = harvester.run(report);
      store.write(w -> {
        w.putState(SLOT_KEY, slot.toString());
        return null;
      });
      String summary = report.summary().lines().findFirst().orElse("");
      last = clock.instant() + ": " + outcome.pages() + " pages, " + summary;
      failure = null;
      log.accept("harvest " + schedule.url() + ": " + summary);
      if (outcome.changedCatalogue()) {
        arrived.run();
      }
    } catch (IOException | RuntimeException e) {
      retryAt = Instant.now().plus(RETRY);
      last = clock.instant() + ": failed: " + e.getMessage();
      failure = "harvest of " + schedule.url() + " failed (retried in " + RETRY.toMinutes() + " min): " + e;
      log.accept("harvest of " + schedule.url() + " failed (retried in " + RETRY.toMinutes() + " min): " + e.getMessage());
    }
  }

  private Harvester harvester(Optional<LocalDate> from) {
    return new Harvester(store, new Harvester.Options(schedule.url(), "arXiv", schedule.set(), from, Optional.empty(),
        schedule.delay(), firstBackoff, maxRetries, FetchLimits.HARVEST), Progress.NONE, line -> {});
  }
}
