package org.paperlens.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.paperlens.common.Progress;
import org.paperlens.common.RequestGauge;
import org.paperlens.embed.CatalogueEmbedder;
import org.paperlens.embed.EmbedClaimStore;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.VectorStore;
import org.paperlens.paper.CatalogueStore;

/**
 * The pipeline's embedding: whatever lacks a vector, newest listing day first, at full speed while
 * no request is being served. Each stretch of {@value #STRETCH} papers is chosen afresh from every
 * paper without a vector (so papers imported meanwhile, if newer, go first, whatever order the
 * files come in), then embedded a chunk at a time; every model run waits while a request is in
 * flight and is aborted when one arrives ({@link RequestGauge}). Papers whose text changed since
 * their vector are found by a full scan once nothing lacks a vector. The counts come from the
 * catalogue, before the first chunk and after each. Progress is logged at least every
 * {@value #LOG_EVERY_SECONDS} s while embedding. Run by the pipeline's embed thread only;
 * {@link #wake} and {@link #progress} may be used from any thread.
 *
 * <p>Several serve processes on one catalogue share the work: a stretch is claimed before it is
 * embedded ({@link EmbedClaimStore}), papers another process holds are not chosen, the claim is
 * renewed after every chunk and dropped when the stretch ends, and a claim whose holder died runs
 * out after {@link #LEASE} and is taken over by whichever process looks next.
 */
final class EmbedStage {

  /** Papers chosen at a time: newer papers imported meanwhile wait at most this many (a few seconds). */
  static final int STRETCH = 256;
  static final long LOG_EVERY_SECONDS = 10;
  /** The rate is papers over the last minute of embedding. */
  private static final long RATE_WINDOW_NANOS = 60_000_000_000L;
  private static final long IDLE_WAIT_MILLIS = 5_000;
  /**
   * How long a claim on a stretch holds without renewal: far longer than one chunk takes (it is
   * renewed after each), short enough that a killed process's papers wait little for another.
   */
  static final Duration LEASE = Duration.ofMinutes(3);

  private final CatalogueStore store;
  private final VectorStore vectors;
  private final Encoder encoder;
  private final CatalogueEmbedder embedder;
  private final RequestGauge gauge;
  private final double duty;
  private final BooleanSupplier running;
  private final Consumer<String> log;
  private final LongSupplier ticker;
  private final long idleWaitMillis;
  private final int stretch;
  private final EmbedClaimStore claims;
  private final Duration lease;
  /** This process's name in the claims: a new one per stage, so a restarted process never renews a dead one's. */
  private final String owner = UUID.randomUUID().toString();
  private final Object signal = new Object();
  /** (nanos, papers embedded so far) after each chunk within the rate window. */
  private final ArrayDeque<long[]> samples = new ArrayDeque<>();
  /** The catalogue position of the last full scan that found nothing to do (-1: look again). */
  private long seen = -1;
  private long lastLog;
  private long embeddedHere;
  /** Set when an import or harvest brought papers in: the current stretch ends early. */
  private volatile boolean arrived;
  private volatile VectorStore.Census census;
  private volatile double rate;

  /**
   * @param duty the share of its threads' time the embedder may use while the server is idle (0 &lt; duty &le; 1):
   *     the encoder's thread count and this make {@code --embed-share}
   * @param running false once the pipeline stops: the current chunk then ends the stretch
   * @param idleWaitMillis how long a step with nothing to do waits for {@link #wake} before looking again
   * @param ticker nanoseconds, for the rate and the progress log's cadence
   * @param stretch papers chosen at a time ({@link #STRETCH}; tests take fewer)
   * @param lease how long a claim holds unrenewed ({@link #LEASE}; tests take less)
   */
  EmbedStage(CatalogueStore store, Encoder encoder, RequestGauge gauge, double duty, BooleanSupplier running,
      Consumer<String> log, long idleWaitMillis, LongSupplier ticker, int stretch, Duration lease) {
    if (!(duty > 0 && duty <= 1)) {
      throw new IllegalArgumentException("the embedder's duty must be above 0 and at most 1, was " + duty);
    }
    this.store = store;
    this.vectors = new VectorStore(store);
    this.encoder = encoder;
    this.embedder = new CatalogueEmbedder(store, encoder, Progress.NONE);
    this.gauge = gauge;
    this.duty = duty;
    this.running = running;
    this.log = log;
    this.idleWaitMillis = idleWaitMillis;
    this.ticker = ticker;
    this.stretch = stretch;
    this.claims = new EmbedClaimStore(store.database());
    this.lease = lease;
    this.lastLog = ticker.getAsLong();
  }

  EmbedStage(CatalogueStore store, Encoder encoder, RequestGauge gauge, double duty, BooleanSupplier running,
      Consumer<String> log) {
    this(store, encoder, gauge, duty, running, log, IDLE_WAIT_MILLIS, System::nanoTime, STRETCH, LEASE);
  }

  /** Papers came in: end the current stretch, or stop waiting. */
  void wake() {
    arrived = true;
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** The counts as of the last look (before the first chunk, then after each); {@link EmbedProgress#NONE} before the first. */
  EmbedProgress progress() {
    VectorStore.Census c = census;
    return c == null ? EmbedProgress.NONE : new EmbedProgress(c.papers(), c.embedded(), rate, c.firstListed(), c.lastListed());
  }

  /** Embeds one stretch, or waits up to the idle wait when nothing changed since a look found nothing. */
  void step() throws InterruptedException {
    if (census == null || arrived) {
      recount(ticker.getAsLong());
    }
    arrived = false;
    List<VectorStore.Stale> next = vectors.missingNewestFirst(encoder.model(), stretch, owner, Instant.now());
    if (next.isEmpty()) {
      rate = 0;
      long seq = store.sequence();
      if (seq == seen) {
        rate = 0;
        idle();
        return;
      }
      // Nothing lacks a vector: look for texts changed since theirs (a scan of every text, so only now).
      List<VectorStore.Stale> changed = new ArrayList<>();
      vectors.forEachStale(encoder.model(), s -> {
        if (changed.size() < stretch) {
          changed.add(s);
        }
      });
      if (changed.isEmpty()) {
        seen = seq;
        if (embeddedHere > 0) {
          recount(ticker.getAsLong());
          log.accept("meaning search: " + progress().describe());
        }
        return;
      }
      next = changed;
    }
    Instant now = Instant.now();
    List<VectorStore.Stale> mine = claims.claim(next, owner, now, now.plus(lease));
    if (mine.isEmpty()) {
      idle(); // all being embedded by other processes: look again once they may be done
      return;
    }
    try {
      embed(mine);
    } finally {
      claims.release(owner);
    }
  }

  /** Papers this stage has embedded since it started (the other processes' not counted). */
  long embeddedHere() {
    return embeddedHere;
  }

  private void idle() throws InterruptedException {
    synchronized (signal) {
      // Woken by an import, or looks again soon. A wake that came before this wait is taken here instead of waited for.
      if (arrived) {
        arrived = false;
      } else {
        signal.wait(idleWaitMillis);
      }
    }
  }

  private void embed(List<VectorStore.Stale> chosen) throws InterruptedException {
    // Newest listing day first still; within a day shortest first, so a chunk's texts pad little.
    List<VectorStore.Stale> todo = new ArrayList<>(chosen);
    todo.sort(Comparator.comparing(VectorStore.Stale::listed).reversed().thenComparingInt(VectorStore.Stale::textLength));
    int chunk = Math.min(embedder.chunkSize(), stretch);
    long begun = ticker.getAsLong();
    if (samples.isEmpty() || begun - samples.peekLast()[0] > RATE_WINDOW_NANOS) {
      samples.clear();
      samples.addLast(new long[] {begun, embeddedHere}); // the rate's window starts with this stretch
    }
    for (int from = 0; from < todo.size(); from += chunk) {
      long start = ticker.getAsLong();
      int stored;
      try {
        stored = embedder.embedChunk(todo.subList(from, Math.min(from + chunk, todo.size())), gauge);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (duty < 1) {
        // Sleeping (1 - duty) / duty of each chunk's time holds the embedder to its share.
        Thread.sleep((long) ((ticker.getAsLong() - start) * (1 - duty) / duty / 1_000_000));
      }
      counted(todo.subList(from, Math.min(from + chunk, todo.size())), stored);
      claims.renew(owner, Instant.now().plus(lease));
      if (!running.getAsBoolean()) {
        Thread.currentThread().interrupt(); // the pipeline is stopping: the chunk is stored, the thread told
        return;
      }
      if (arrived) {
        return; // newer papers may have come in: choose again
      }
    }
  }

  /**
   * After a chunk: the counts, the rate, and a log line when one is due. The counts are taken
   * afresh from the catalogue when the line is (a census reads every paper: 0.3 s at 75k on SQLite),
   * and moved on by the chunk in between.
   */
  private void counted(List<VectorStore.Stale> chunk, int stored) {
    long now = ticker.getAsLong();
    embeddedHere += stored;
    samples.addLast(new long[] {now, embeddedHere});
    while (samples.size() > 1 && now - samples.peekFirst()[0] > RATE_WINDOW_NANOS) {
      samples.removeFirst();
    }
    long[] first = samples.peekFirst();
    rate = now > first[0] ? (embeddedHere - first[1]) * 1e9 / (now - first[0]) : rate;
    if (now - lastLog >= LOG_EVERY_SECONDS * 1_000_000_000L) {
      recount(now);
      log.accept("meaning search: " + progress().describe());
    } else {
      census = census.plus(stored, chunk.stream().map(VectorStore.Stale::listed).min(String::compareTo).orElse(null),
          chunk.stream().map(VectorStore.Stale::listed).max(String::compareTo).orElse(null));
    }
  }

  private void recount(long now) {
    census = vectors.census(encoder.model());
    lastLog = now;
  }
}
