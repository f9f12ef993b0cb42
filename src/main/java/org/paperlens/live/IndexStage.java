package org.paperlens.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.paperlens.common.Progress;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.index.LiveSearchIndex;
import org.paperlens.paper.CatalogueStore;

/**
 * The pipeline's indexing: applies catalogue changes past the index's watermark, refreshes
 * searches, commits every {@code commitEvery}, and rebuilds an index of an outdated layout once,
 * in the background of searches, switching to it when published. Run by the pipeline's index
 * thread only; {@link #catalogueSeq} may be read from any thread.
 */
final class IndexStage {

  private final CatalogueStore store;
  private final LiveSearchIndex index;
  private final EmbeddingModel model;
  private final IndexCatchUp catchUp;
  private final Duration commitEvery;
  private final Consumer<String> log;
  private final Supplier<Instant> now;
  private Instant lastCommit;
  private boolean rebuilt;
  private boolean verified;
  /** The rebuild reason last logged: a rebuild retried after a failure is not announced again. */
  private String announced = "";
  private volatile long catalogueSeq;

  /**
   * @param model the model whose vectors the index holds
   * @param now the time commits are spaced by (real time in the server)
   */
  IndexStage(CatalogueStore store, LiveSearchIndex index, EmbeddingModel model, Duration commitEvery,
      Consumer<String> log, Supplier<Instant> now) {
    this.store = store;
    this.index = index;
    this.model = model;
    this.catchUp = new IndexCatchUp(store, model, index);
    this.commitEvery = commitEvery;
    this.log = log;
    this.now = now;
    this.lastCommit = now.get();
    this.catalogueSeq = store.sequence();
  }

  /** The catalogue position the last step caught up to. */
  long catalogueSeq() {
    return catalogueSeq;
  }

  void step() throws IOException {
    if (!verified) {
      // Once, off the request path: the full checksum read of an index takes a second a gigabyte.
      index.checkIntegrity();
      verified = true;
    }
    if (index.reopenIfFailed()) {
      log.accept("re-opened the search index after a failed write; catching up from its last commit, change "
          + index.appliedSeq() + " (nothing is lost: the catalogue has every change since)");
    }
    catalogueSeq = store.sequence();
    String why = rebuildReason(catalogueSeq);
    if (!why.isEmpty() && !rebuilt) {
      if (!why.equals(announced)) {
        announced = why;
        log.accept(why + ": rebuilding it in the background from the catalogue (searches go on meanwhile)");
      }
      index.rebuild(CatalogueSource.withStoredVectors(store, model), Progress.NONE);
      rebuilt = true; // only once it is built: a failed build is tried again, with the stage's backoff
    }
    if (index.switchIfRebuilt()) {
      rebuilt = false;
      announced = "";
      log.accept("switched to the rebuilt search index (" + index.coverage().papers() + " papers)");
    }
    int applied = catchUp.run();
    // Also when nothing new was applied: a refresh that failed last time (a read-only disk) is owed.
    if (applied > 0 || index.coverage().seq() < index.appliedSeq()) {
      index.refresh();
    }
    if (index.appliedSeq() > index.durableSeq() && Duration.between(lastCommit, now.get()).compareTo(commitEvery) >= 0) {
      index.commit();
      lastCommit = now.get();
    }
  }

  /**
   * Why the index must be rebuilt from the catalogue, for the log; empty when it need not be: an
   * outdated layout, damaged files, or a watermark ahead of the catalogue (a catalogue restored from
   * a backup under a newer index: changes numbered again from the backup's position would
   * otherwise be taken as already indexed, and never become searchable).
   */
  private String rebuildReason(long catalogue) {
    if (!index.currentFormat()) {
      return index.staleReason();
    }
    long watermark = index.appliedSeq();
    // Read again after the watermark: another process sharing the index (SolrCloud) may have moved
    // both since, and a watermark is never ahead of a catalogue read after it unless one went back.
    long after = watermark > catalogue ? store.sequence() : catalogue;
    if (watermark > after) {
      return "the search index is at change " + watermark + ", ahead of the catalogue at change " + after
          + " (a catalogue restored from a backup under a newer index?)";
    }
    return "";
  }
}
