package org.paperlens.live;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.paperlens.common.Progress;
import org.paperlens.embed.CatalogueEmbedder;
import org.paperlens.embed.EmbedReport;
import org.paperlens.embed.Encoder;
import org.paperlens.paper.CatalogueStore;

/**
 * The pipeline's embedding: whatever lacks a vector, newest first, a stretch at a time, held to a
 * share of one core; a stretch ends early when an import or harvest brings newer papers, and the
 * stage sleeps while nothing changes. Run by the pipeline's embed thread only; {@link #wake} and the
 * figures may be used from any thread.
 */
final class EmbedStage {

  /** Papers embedded between two looks at what is new. */
  static final int STRETCH = 1024;

  private final CatalogueStore store;
  private final double share;
  private final BooleanSupplier running;
  private final Consumer<String> log;
  private final CatalogueEmbedder embedder;
  private final Object signal = new Object();
  private static final long IDLE_WAIT_MILLIS = 5_000;
  private final long idleWaitMillis;
  /** The catalogue position of the last look that found nothing to do (-1: look again). */
  private long seen = -1;
  /** Set when an import or harvest brought papers in: the current stretch ends early. */
  private volatile boolean arrived;
  private volatile long toEmbed;
  private volatile double rate;

  /**
   * @param share the share of one core's time the embedder may use (0 &lt; share &le; 1)
   * @param running false once the pipeline stops: the current batch then ends the stretch
   */
  EmbedStage(CatalogueStore store, Encoder encoder, double share, BooleanSupplier running, Consumer<String> log) {
    this(store, encoder, share, running, log, IDLE_WAIT_MILLIS);
  }

  /** @param idleWaitMillis how long a step with nothing to do waits for {@link #wake} before looking again */
  EmbedStage(CatalogueStore store, Encoder encoder, double share, BooleanSupplier running, Consumer<String> log,
      long idleWaitMillis) {
    this.idleWaitMillis = idleWaitMillis;
    this.store = store;
    this.share = share;
    this.running = running;
    this.log = log;
    // Sleeping (1 - share) / share of each batch's time holds the embedder to its share of a core.
    this.embedder = new CatalogueEmbedder(store, encoder, Progress.NONE, nanos -> {
      if (!running.getAsBoolean()) {
        throw new InterruptedException("stopping");
      }
      long pause = (long) (nanos * (1 - share) / share / 1_000_000);
      if (pause > 0) {
        Thread.sleep(pause);
      }
      return !arrived; // newer papers came in: end this stretch so the next one starts with them
    });
  }

  /** Papers came in: end the current stretch, or stop waiting. */
  void wake() {
    arrived = true;
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Papers still without a vector after the last stretch. */
  long toEmbed() {
    return toEmbed;
  }

  /** Papers a second in the last stretch; 0 when it embedded none. */
  double rate() {
    return rate;
  }

  /** Embeds one stretch, or waits up to 5 s when nothing changed since the last look found nothing. */
  void step() throws InterruptedException {
    long seq = store.sequence();
    if (seq == seen) {
      synchronized (signal) {
        // Nothing changed since the last look: woken by an import, or looks again soon. A wake that
        // came before this wait is not lost: it is taken here instead of waited for.
        if (arrived) {
          arrived = false;
        } else {
          signal.wait(idleWaitMillis);
        }
      }
      return;
    }
    // A stretch at a time, each chosen afresh: papers imported meanwhile go to the front of the queue.
    arrived = false;
    EmbedReport report = embedder.run(STRETCH);
    seen = report.embedded() > 0 ? -1 : seq;
    toEmbed = report.leftForLater();
    rate = report.seconds() > 0 ? report.embedded() / report.seconds() : 0;
    if (report.embedded() > 0) {
      log.accept(String.format("embedded %,d papers (%.1f papers/s at a %.0f%% share of a core)%s", report.embedded(),
          rate, share * 100, report.leftForLater() > 0 ? String.format("; %,d left", report.leftForLater()) : ""));
    } else {
      rate = 0;
    }
  }
}
